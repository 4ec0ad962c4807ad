// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "convtutor",
    products: [
        .executable(name: "convtutor", targets: ["convtutor"]),
        .library(name: "ConvCore", targets: ["ConvCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The mathematics: tensors, convolution, pooling, size arithmetic, traces. Foundation only.
        .target(name: "ConvCore"),

        // cmark-gfm as a system library (Debian's libcmark-gfm-dev and -extensions-dev).
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),

        // Cells, styles, text width, widgets and buffer diffs. Knows nothing of ncurses.
        .target(name: "TermCanvas"),

        // Every word the learner reads, per language: a catalogue of phrases with typed arguments.
        .target(name: "Localization", dependencies: ["ConvCore", "TermCanvas"]),

        // libyaml as a system library (Debian's libyaml-dev): its event parser reads YAML blocks.
        .systemLibrary(name: "CLibYAML", path: "Sources/CLibYAML"),

        // Markdown lessons: text in, a Lesson with source lines and diagnostics out. Pure.
        .target(name: "LessonKit", dependencies: ["CCmarkGFM", "CLibYAML", "ConvCore"]),

        // The lesson index: each lesson file's summary kept in SQLite by path, size, time and hash,
        // so that lists and starts parse only what changed.
        .target(name: "LessonIndex", dependencies: ["LessonKit", .product(name: "GRDB", package: "GRDB.swift")]),

        // Questions, grading, generated problems and FSRS scheduling. Pure.
        .target(name: "QuizKit", dependencies: ["ConvCore", "LessonKit", "Localization"]),

        // What the explorer and `check` need from the maths: scenes of every mode, compute blocks
        // evaluated, lesson checks. No UI: used by Tutor, `check` and the practice checker.
        .target(name: "Scenes", dependencies: ["ConvCore", "LessonKit", "Localization", "Practice"]),

        // Practice exercises judged: cases drawn from the exercise's ranges with the compute core's
        // answers, the harness the learner's Python runs in, results compared cell by cell and
        // known mistakes named. Pure: the process that runs Python lives in the executable.
        .target(name: "Practice", dependencies: ["ConvCore", "LessonKit", "Localization"]),

        // The learner's progress in SQLite.
        .target(name: "ProgressStore", dependencies: ["QuizKit", .product(name: "GRDB", package: "GRDB.swift")]),

        // ncursesw as a system library: module map plus a shim header for macros and signals.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),

        // A TerminalBackend over ncursesw. Thin: set-up, keys, colours, drawing a diff, restore.
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "TermCanvas"]),

        // The application as values: state, messages, update, view. No terminal, no clock, no files.
        .target(name: "Tutor", dependencies: ["ConvCore", "TermCanvas", "Localization", "LessonKit", "QuizKit", "Scenes", "Practice"]),

        // The executable: argument parsing and the `compute` calculator over ConvCore.
        .executableTarget(
            name: "convtutor",
            dependencies: [
                "ConvCore", "TermCanvas", "Localization", "LessonKit", "QuizKit", "Scenes", "Tutor", "CursesBackend",
                "ProgressStore", "Practice", "LessonIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench`: timings of the compute core in a release build.
        .executableTarget(name: "convtutor-bench", dependencies: ["ConvCore", "TermCanvas", "LessonKit", "Scenes", "Tutor"]),

        // A test fixture: opens the terminal and traps on a key, for the restore-after-crash test.
        .executableTarget(name: "terminal-probe", dependencies: ["CursesBackend", "TermCanvas"], path: "Tests/TerminalProbe"),

        // Helpers shared by the test targets (relative error, golden files, running the binary).
        .target(name: "TestSupport", dependencies: ["ConvCore"], path: "Tests/TestSupport"),

        .testTarget(
            name: "ConvCoreTests",
            dependencies: ["ConvCore", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "LocalizationTests",
            dependencies: ["Localization", "ConvCore", "TermCanvas", "TestSupport"]
        ),
        .testTarget(
            name: "ScenesTests",
            dependencies: ["Scenes", "ConvCore", "LessonKit", "Localization", "TestSupport"]
        ),
        .testTarget(
            name: "TutorTests",
            dependencies: ["Tutor", "TermCanvas", "ConvCore", "Localization", "LessonKit", "QuizKit", "Scenes", "Practice", "TestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "LessonKitTests",
            dependencies: ["LessonKit", "TestSupport"]
        ),
        .testTarget(
            name: "QuizKitTests",
            dependencies: ["QuizKit", "ConvCore", "LessonKit", "Localization", "TestSupport"],
            exclude: ["Reference"]
        ),
        .testTarget(
            name: "PracticeTests",
            dependencies: ["Practice", "ConvCore", "LessonKit", "Localization", "TestSupport"],
            exclude: ["Files"]
        ),
        .testTarget(
            name: "ProgressStoreTests",
            dependencies: ["ProgressStore", "QuizKit", "ConvCore", "TestSupport"]
        ),
        .testTarget(
            name: "LessonIndexTests",
            dependencies: ["LessonIndex", "LessonKit", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "TermCanvasTests",
            dependencies: ["TermCanvas", "TestSupport"]
        ),
        .testTarget(
            name: "convtutorTests",
            dependencies: ["convtutor", "ConvCore", "LessonKit", "Localization", "QuizKit", "ProgressStore", "TestSupport", "terminal-probe"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
