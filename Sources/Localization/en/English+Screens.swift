extension English {
    func screen(_ phrase: ScreenPhrase) -> String {
        switch phrase {
        case .tagline: "— convolution (卷积) in deep learning, computed and explained"
        case .entry(let entry):
            switch entry {
            case .explore: "Explore"
            case .lessons: "Lessons"
            case .quiz: "Quiz"
            case .practice: "Practice"
            case .stats: "Stats"
            case .help: "Help"
            }
        case .entrySummary(let entry):
            switch entry {
            case .explore: "a kernel sliding over a grid, every product and gradient"
            case .lessons: "step-by-step lessons, written in markdown"
            case .quiz: "due reviews first, then new and generated questions"
            case .practice: "write convolution in NumPy, checked cell by cell"
            case .stats: "lessons completed, accuracy by topic, reviews due, streak"
            case .help: "the keys"
            }
        case .enlarge: "Please enlarge the terminal"
        case .needs(let width, let height, let hasWidth, let hasHeight):
            "convtutor needs \(width)×\(height); this one is \(hasWidth)×\(hasHeight)."
        case .resizeToContinue: "Resize to continue; Ctrl-C quits."
        case .keysTitle: "Keys"
        case .keysHeading(let group):
            switch group {
            case .anywhere: "Anywhere"
            case .home: "Home"
            case .lessonList: "Lesson list"
            case .lesson: "A lesson"
            case .exercise: "A practice exercise"
            case .scrolling: "Long text"
            case .explorerSteps: "Explorer: steps"
            case .explorerCursor: "Explorer: cursor (Tab)"
            case .explorerParameters: "Explorer: parameters (e)"
            case .explorerValue: "Explorer: typing a value (Enter)"
            case .quizAsking: "Quiz: answering"
            case .quizAnswered: "Quiz: after an answer"
            case .mouse: "Mouse (off with --no-mouse)"
            }
        case .anyKeyCloses: "any key closes this page"
        case .keyDoesNothing(let key): "\(key) does nothing here; ? shows the keys"
        }
    }

    func key(_ help: KeyHelp) -> String {
        switch help {
        case .help: "keys"
        case .back: "back"
        case .quit: "quit"
        case .quitNow: "quit at once"
        case .choose: "choose"
        case .open: "open"
        case .jump: "jump"
        case .openResumes: "open (resumes where you stopped)"
        case .firstLast: "first / last"
        case .scroll: "scroll"
        case .page: "page"
        case .startEnd: "start / end"
        case .changeStep: "step"
        case .playAnimation: "play the animation"
        case .playAnimationK: "play animation k"
        case .answerQuestions: "answer the questions"
        case .restart: "restart"
        case .step: "step"
        case .playPause: "play"
        case .speed: "speed"
        case .ends: "ends"
        case .cursorMode: "cursor"
        case .parameters: "params"
        case .mode: "mode"
        case .values: "ramp / random values"
        case .nextSeed: "next seed"
        case .undo: "undo"
        case .moveCursor: "move"
        case .nextGrid: "grid"
        case .pin: "pin"
        case .typeValue: "type"
        case .gradientCheck: "gradient check"
        case .steps: "steps"
        case .chooseParameter: "choose"
        case .changeParameter: "change"
        case .done: "done"
        case .bias: "bias"
        case .convention: "convention"
        case .typeNumber: "type a number"
        case .setValue: "set"
        case .erase: "erase"
        case .cancel: "cancel"
        case .pickChoice: "answer"
        case .pickChoices: "pick and unpick"
        case .submit: "answer"
        case .typeAnswer: "type your answer (optional)"
        case .typeNumberOrInvalid: "type a number (or invalid)"
        case .showModelAnswer: "show the model answer"
        case .markCell: "mark"
        case .clearOrFinish: "clear / finish"
        case .gradeSelf: "grade yourself"
        case .nextQuestion: "next"
        case .watch: "watch the computation"
        case .finish: "finish"
        case .leave: "leave"
        case .openExercise: "open"
        case .checkNow: "check"
        case .nextHint: "hint"
        case .showSolution: "solution (asks first)"
        case .exploreWrongCell: "explore a wrong cell"
        case .clickTarget: "open an entry, answer or pick a choice, mark a cell, move the cursor to a cell"
        case .wheelScroll: "scroll three lines"
        }
    }

    func stats(_ phrase: StatsPhrase) -> String {
        switch phrase {
        case .title: "Stats"
        case .lessonsCompleted(let done, let total): "lessons completed: \(done) of \(total)"
        case .reviewsDue(let today, let week): "reviews due today: \(today); this week: \(week)"
        case .answersAndStreak(let answers, let streak): "answers given: \(answers); streak: \(count(streak, "day"))"
        case .noAnswersYet: "no answers yet: start with convtutor quiz"
        case .exercisesPassing(let k, let n): "practice: \(k) of \(count(n, "exercise")) pass"
        case .firstPass(let day): " · first passed \(day)"
        case .accuracyByTopic: "accuracy by topic:"
        case .topicCounts(let correct, let graded, let reviews): "(\(correct) of \(graded) right, \(count(reviews, "answer")))"
        }
    }

    func command(_ phrase: CommandPhrase) -> String {
        switch phrase {
        case .terminal(let problem, let instead):
            switch problem {
            case .notATerminal:
                "standard input and output must both be a terminal for the full-screen tutor" + self.instead(instead)
            case .termUnset:
                "TERM is not set, so the terminal type is unknown; set it (e.g. TERM=xterm-256color)" + self.instead(instead, "or ")
            case .cannotAddressCursor(let term):
                "the terminal type '\(term)' cannot move the cursor; set TERM=xterm-256color if your terminal can"
                    + self.instead(instead, "or ")
            case .unknownTerm(let term):
                "unknown terminal type '\(term)' (no terminfo entry); set TERM=xterm-256color" + self.instead(instead, "or ")
            }
        case .progressNotSaved(let reason): "progress not saved: \(reason)"
        case .answersNotSaved(let reason): "answers not saved: \(reason)"
        case .noLesson(let id, let language, let known):
            "no lesson with id '\(id)' in \(language); lessons: \(known.joined(separator: ", "))"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .checked(let files): "checked \(count(files, "lesson file")): no problems"
        case .checkedWithWarnings(let files, let warnings): "checked \(count(files, "lesson file")): no errors, \(count(warnings, "warning"))"
        case .trueConvolution: "true convolution: the kernel is flipped in both axes before sliding"
        case .axisSize(let axis, let formula): (axis == .height ? "height: " : "width : ") + formula
        }
    }

    /// `; for text instead, run convtutor replay padding --plain`.
    private func instead(_ command: String?, _ joiner: String = "") -> String {
        command.map { "; \(joiner)for linear text run \($0)" } ?? ""
    }
}
