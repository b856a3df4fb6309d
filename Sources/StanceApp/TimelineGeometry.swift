import StanceKit
import Terminal

/// How the timeline pane's inside is divided: a column of names, then the plot where each date
/// bucket takes `columnsPerBucket` columns; the first row is the date axis.
struct TimelineGeometry {
    static let maximumColumnsPerBucket = 6

    let inside: Rect
    let nameWidth: Int
    let plotX: Int
    let plotWidth: Int
    let axis: TimelineAxis?
    let columnsPerBucket: Int
    let visibleRows: Int

    init(model: TimelineModel, zoom: TimelineGranularity?, inside: Rect) {
        self.inside = inside
        nameWidth = min(model.widestLabel, max(8, min(22, inside.width / 5)))
        plotX = inside.x + nameWidth + 1
        plotWidth = max(1, inside.width - nameWidth - 1)
        visibleRows = max(0, inside.height - 1)
        guard let range = model.dateRange else {
            axis = nil
            columnsPerBucket = 1
            return
        }
        let granularity = zoom ?? TimelineAxis.automaticGranularity(
            from: range.lowerBound, to: range.upperBound, columns: plotWidth, minimumColumnsPerBucket: 2)
        let axis = TimelineAxis(from: range.lowerBound, to: range.upperBound, granularity: granularity)
        self.axis = axis
        columnsPerBucket = min(Self.maximumColumnsPerBucket, max(1, plotWidth / axis.bucketCount))
    }

    var visibleBuckets: Int { max(1, plotWidth / columnsPerBucket) }

    var granularity: TimelineGranularity? { axis?.granularity }

    /// The first bucket to show so that `bucket` is on screen, moving as little as possible from
    /// `current`.
    func firstBucket(showing bucket: Int?, current: Int) -> Int {
        guard let axis else { return 0 }
        let maximum = max(0, axis.bucketCount - visibleBuckets)
        var first = min(max(0, current), maximum)
        if let bucket {
            if bucket < first { first = bucket }
            if bucket >= first + visibleBuckets { first = bucket - visibleBuckets + 1 }
        }
        return min(max(0, first), maximum)
    }
}
