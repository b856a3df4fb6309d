import StanceKit
import Terminal
