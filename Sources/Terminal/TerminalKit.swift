public enum TerminalKit {}
