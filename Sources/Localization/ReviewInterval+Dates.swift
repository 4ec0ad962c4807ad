import Foundation

extension ReviewInterval {
    /// How far `due` is from `now`, as a learner counts it: minutes within the hour, hours within
    /// the day, then calendar days (`tomorrow` for the next one), months of 30 days from 60 days
    /// on, years from two years on.
    public init(from now: Date, to due: Date, calendar: Calendar) {
        let seconds = due.timeIntervalSince(now)
        if seconds < 90 {
            self = .aMinute
            return
        }
        if seconds < 3600 {
            self = .minutes(Int((seconds / 60).rounded()))
            return
        }
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: due)).day ?? 0
        switch days {
        case ...0: self = .hours(Int((seconds / 3600).rounded()))
        case 1: self = .tomorrow
        case 2..<60: self = .days(days)
        case 60..<730: self = .months(days / 30)
        default: self = .years(days / 365)
        }
    }
}
