/// Why the progress store could not do what was asked, told so that a learner knows what to do.
///
/// Every message names the file or folder involved. convtutor never deletes, moves or repairs a
/// progress file on its own: a damaged or newer file is left exactly as it was found.
public enum ProgressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data folder does not exist and cannot be created, or exists but cannot be written.
    case cannotCreateDirectory(path: String, reason: String, source: DataDirectory.Source)
    /// The progress file cannot be opened at all (its folder is missing, it is a folder, ...).
    case cannotOpen(path: String, reason: String)
    /// The file is not an SQLite database, SQLite found a damaged page in it (opening, reading or
    /// writing), or it failed `PRAGMA quick_check` before a migration. `sideFiles` are the
    /// `-wal`/`-shm` files beside it, which belong to it and must move with it.
    case damaged(path: String, sideFiles: [String])
    /// The file or its folder is read-only for this user.
    case permissionDenied(path: String)
    /// The file holds migrations this version does not know: a newer convtutor wrote it.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process kept the database locked for longer than the busy timeout.
    case busy(path: String)
    /// The disk (or quota) is full.
    case diskFull(path: String)
    /// A position outside its lesson: `step` must be in `0..<stepCount`. A programming error.
    case invalidPosition(lessonID: String, step: Int, stepCount: Int)
    /// A review that cannot be recorded: a rating outside 1...4, a negative duration, a card that
    /// was never registered, or a review of one card given another to update. A programming error.
    case invalidReview(cardID: String, reason: String)
    /// Any other SQLite failure, with SQLite's own message.
    case database(path: String, message: String)

    /// The advice that ends messages about where data lives.
    private static let chooseAnother = "or choose another data folder with --data-dir DIR or CONVTUTOR_DATA_DIR"

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason, let source):
            return "cannot create or write the data folder \(path) (set by \(source)): \(reason). "
                + "Fix its permissions, \(Self.chooseAnother)."
        case .cannotOpen(let path, let reason):
            return "cannot open the progress file \(path): \(reason). Check that its folder exists and is yours, "
                + "\(Self.chooseAnother)."
        case .damaged(let path, let sideFiles):
            var message = "\(path) is damaged: move it aside (for example to \(path).broken) and convtutor starts "
                + "a fresh one; the lesson positions and answers in it are lost"
            if !sideFiles.isEmpty {
                let names = sideFiles.joined(separator: " and ")
                message += ". Move \(names) aside with it (they belong to it and would spoil the fresh one)"
            }
            return message
        case .permissionDenied(let path):
            return "cannot write the progress file \(path): permission denied. Give yourself write access to it "
                + "and to its folder (for example `chmod u+rw \(path)`), \(Self.chooseAnother)."
        case .newerSchema(let path, let unknown):
            return "\(path) was written by a newer convtutor (it has \(unknown.joined(separator: ", ")), which this "
                + "version does not know): update convtutor, \(Self.chooseAnother). The file was left unchanged."
        case .busy(let path):
            return "\(path) stayed locked by another program for more than \(Int(ProgressStore.busyTimeout)) seconds: "
                + "close other convtutor windows using it and try again."
        case .diskFull(let path):
            return "cannot save progress to \(path): the disk is full. Free some space and try again."
        case .invalidPosition(let lessonID, let step, let stepCount):
            return "step \(step) is outside lesson \(lessonID), which has \(stepCount) steps "
                + "(steps count from 0 and a lesson has at least one)"
        case .invalidReview(let cardID, let reason):
            return "cannot record a review of card \(cardID): \(reason)"
        case .database(let path, let message):
            return "the progress file \(path) failed: \(message)"
        }
    }
}
