/// A language of the interface: every word convtutor prints comes from this language's catalogue.
///
/// Chosen once, when convtutor starts (`--lang`, else the locale), and carried by the app state;
/// nothing re-derives it from a lesson or the environment later.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, zh

    /// The language of a locale or language code: `zh_CN.UTF-8`, `zh_TW`, `zh-Hans` and `zh` are
    /// Chinese, `en_GB.UTF-8` and `en` English; `nil` for a language without a catalogue (`fr_FR`)
    /// and for the `C` and `POSIX` locales.
    public init?(code: String) {
        let language = code.split(whereSeparator: { "_-.@".contains($0) }).first.map { $0.lowercased() } ?? ""
        guard let known = Language(rawValue: language) else { return nil }
        self = known
    }

    /// The language of the locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
    /// and not empty decides (as POSIX orders them), English when it names no language we have.
    public static func of(environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale.flatMap(Language.init(code:)) ?? .en
    }

    /// The catalogue of this language's interface text.
    public var catalogue: any Catalogue {
        switch self {
        case .en: English()
        case .zh: Chinese()
        }
    }
}
