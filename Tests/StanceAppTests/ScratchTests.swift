import StanceApp
import Terminal
import Testing

@Test func scratch() {
    for size in [Size(width: 160, height: 48), Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 60, height: 20), Size(width: 30, height: 10)] {
        let runtime = Fixtures.runtime(size)
        print(runtime.screen.lines.joined(separator: "\n"))
    }
}
