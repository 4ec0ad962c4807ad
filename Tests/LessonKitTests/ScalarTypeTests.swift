@testable import LessonKit
import Testing

/// The types YAML 1.1's core schema gives plain scalars, as lessons read them: the table was
/// recorded from the parser when Yams 6.2.2's resolver typed what `ScalarKind.quick` leaves
/// undecided, and holds for the resolver that replaced it.
@Suite("Plain scalar types")
struct ScalarTypeTests {
    /// A plain scalar, alone as a YAML document, and its type as `YAMLScalar.Kind` describes it.
    static let table: [(text: String, kind: String)] = [
        // Decimal integers, signs, leading zeros (octal in YAML 1.1) and underscores.
        ("0", "int(0)"),
        ("1", "int(1)"),
        ("42", "int(42)"),
        ("-1", "int(-1)"),
        ("+1", "int(1)"),
        ("-0", "int(0)"),
        ("+0", "int(0)"),
        ("00", "int(0)"),
        ("007", "int(7)"),
        ("012", "int(10)"),
        ("0012", "int(10)"),
        ("08", "float(8.0)"),
        ("09", "float(9.0)"),
        ("019", "float(19.0)"),
        ("-012", "int(-10)"),
        ("+012", "int(10)"),
        ("0_7", "int(7)"),
        ("0_8", "float(8.0)"),
        ("1_000", "int(1000)"),
        ("+1_000", "int(1000)"),
        ("-1_000", "int(-1000)"),
        ("1__0", "int(10)"),
        ("1_", "int(1)"),
        ("_1", "string"),
        ("0_", "int(0)"),
        ("+0_", "string"),
        ("-0_0", "int(0)"),

        // Integers at and past the bounds of Int.
        ("9223372036854775807", "int(9223372036854775807)"),
        ("9223372036854775808", "string"),
        ("-9223372036854775808", "int(-9223372036854775808)"),
        ("-9223372036854775809", "string"),
        ("99999999999999999999", "string"),
        ("1_000_000_000_000_000_000_000", "string"),

        // Octal with 0o.
        ("0o17", "int(15)"),
        ("0o0", "int(0)"),
        ("0o", "string"),
        ("0o_", "string"),
        ("0o8", "string"),
        ("-0o17", "int(-15)"),
        ("+0o17", "int(15)"),
        ("0o1_7", "int(15)"),
        ("0o7777777777777777777777", "string"),
        ("0O17", "string"),

        // Hexadecimal.
        ("0x1F", "int(31)"),
        ("0x1f", "int(31)"),
        ("0X1F", "string"),
        ("-0x1F", "int(-31)"),
        ("+0x1F", "int(31)"),
        ("0x_1F", "int(31)"),
        ("0x", "string"),
        ("0x_", "string"),
        ("0xG", "string"),
        ("0x7FFFFFFFFFFFFFFF", "int(9223372036854775807)"),
        ("0x8000000000000000", "string"),
        ("-0x8000000000000000", "int(-9223372036854775808)"),
        ("0xFFFFFFFFFFFFFFFFF", "string"),

        // Binary.
        ("0b101", "int(5)"),
        ("-0b101", "int(-5)"),
        ("+0b101", "int(5)"),
        ("0b1_0_1", "int(5)"),
        ("0b", "string"),
        ("0b_", "string"),
        ("0b102", "string"),
        ("0B101", "string"),

        // Sexagesimal integers.
        ("1:30", "int(90)"),
        ("-1:30:00", "int(-5400)"),
        ("+1:30", "int(90)"),
        ("1:30:00", "int(5400)"),
        ("190:20:30", "int(685230)"),
        ("1:60", "string"),
        ("1:5", "int(65)"),
        ("1:05", "int(65)"),
        ("1:5:7", "int(3907)"),
        ("0:30", "string"),
        ("01:30", "string"),
        ("1:_30", "string"),
        ("1_0:30", "int(630)"),
        ("1::30", "string"),
        ("1:300", "string"),
        ("1:0:0:0:0:0:0:0:0:0", "int(10077696000000000)"),

        // Decimal floats, exponents, fractions without an integer part, underscores.
        ("1.5", "float(1.5)"),
        ("-1.5", "float(-1.5)"),
        ("+1.5", "float(1.5)"),
        ("1.", "float(1.0)"),
        ("1.e3", "float(1000.0)"),
        ("1e3", "float(1000.0)"),
        ("1E3", "float(1000.0)"),
        ("1e+3", "float(1000.0)"),
        ("1e-3", "float(0.001)"),
        ("1.5e3", "float(1500.0)"),
        ("1.5E-3", "float(0.0015)"),
        ("1e", "string"),
        ("1e+", "string"),
        ("1e3.5", "string"),
        (".5", "float(0.5)"),
        ("-.5", "string"),
        ("+.5", "string"),
        (".5e3", "string"),
        (".5e+3", "float(500.0)"),
        (".5E-3", "float(0.0005)"),
        ("._5", "float(0.5)"),
        ("._", "string"),
        (".", "string"),
        ("..5", "string"),
        ("1_000.5", "float(1000.5)"),
        ("1.5_0", "float(1.5)"),
        ("1_.5", "float(1.5)"),
        ("1._5e3", "float(1500.0)"),
        ("0.1", "float(0.1)"),
        ("0.0", "float(0.0)"),
        ("-0.0", "float(-0.0)"),
        ("00.5", "float(0.5)"),
        ("01.5", "float(1.5)"),
        ("1.5.5", "string"),

        // Sexagesimal floats.
        ("1:30.5", "float(90.5)"),
        ("-1:30.5", "float(-90.5)"),
        ("+1:30.5", "float(90.5)"),
        ("1:30.", "float(90.0)"),
        ("0:30.5", "float(30.5)"),
        ("00:30.5", "float(30.5)"),
        ("190:20:30.15", "float(685230.15)"),
        ("1:30.5_0", "float(90.5)"),
        ("1:60.5", "string"),

        // Floats out of range and long.
        ("1e400", "float(inf)"),
        ("-1e400", "float(-inf)"),
        ("1e-400", "float(0.0)"),
        ("123456789012345678901234567890", "string"),
        ("3.14159265358979323846", "float(3.141592653589793)"),
        ("0.1e1_0", "string"),

        // Infinity and NaN.
        (".inf", "float(inf)"),
        (".Inf", "float(inf)"),
        (".INF", "float(inf)"),
        ("+.inf", "float(inf)"),
        ("-.inf", "float(-inf)"),
        ("-.Inf", "float(-inf)"),
        ("-.INF", "float(-inf)"),
        (".iNf", "string"),
        (".nan", "float(nan)"),
        (".NaN", "float(nan)"),
        (".NAN", "float(nan)"),
        (".Nan", "string"),
        ("+.nan", "string"),
        ("-.nan", "string"),
        ("inf", "string"),
        ("-inf", "string"),
        ("nan", "string"),
        ("NaN", "string"),
        ("Infinity", "string"),
        ("1.5f", "string"),

        // Booleans in every YAML 1.1 spelling, and near misses.
        ("yes", "bool(true)"),
        ("Yes", "bool(true)"),
        ("YES", "bool(true)"),
        ("yEs", "string"),
        ("no", "bool(false)"),
        ("No", "bool(false)"),
        ("NO", "bool(false)"),
        ("nO", "string"),
        ("true", "bool(true)"),
        ("True", "bool(true)"),
        ("TRUE", "bool(true)"),
        ("tRue", "string"),
        ("false", "bool(false)"),
        ("False", "bool(false)"),
        ("FALSE", "bool(false)"),
        ("on", "bool(true)"),
        ("On", "bool(true)"),
        ("ON", "bool(true)"),
        ("oN", "string"),
        ("off", "bool(false)"),
        ("Off", "bool(false)"),
        ("OFF", "bool(false)"),
        ("oFf", "string"),
        ("y", "string"),
        ("Y", "string"),
        ("n", "string"),
        ("N", "string"),
        ("t", "string"),
        ("f", "string"),

        // Nulls.
        ("~", "null"),
        ("null", "null"),
        ("Null", "null"),
        ("NULL", "null"),
        ("nULL", "string"),
        ("none", "string"),
        ("Nil", "string"),

        // Timestamps, merge keys and values are text to lessons.
        ("2024-01-01", "string"),
        ("2024-1-1", "string"),
        ("2001-12-14t21:59:43.10-05:00", "string"),
        ("2001-12-14 21:59:43.10 -5", "string"),
        ("2001-12-14T21:59:43Z", "string"),
        ("2001-12-14\t21:59:43", "string"),
        ("24-01-01", "string"),
        ("<<", "string"),
        ("=", "string"),
        ("<", "string"),
        ("==", "string"),
        ("<<<", "string"),
        ("=x", "string"),

        // Text that starts like a number or is one in other scripts.
        ("4×4", "string"),
        ("3/4", "string"),
        ("(1)", "string"),
        ("1,5", "string"),
        ("1 2", "string"),
        ("1 000", "string"),
        ("12abc", "string"),
        ("abc", "string"),
        ("0x1F abc", "string"),
        ("1:30 pm", "string"),
        ("--", "string"),
        ("+", "string"),
        ("-x", "string"),
        ("½", "string"),
        ("١٢", "string"),
        ("１２", "string"),
        ("1e3x", "string"),
        ("0.5%", "string"),
        ("$5", "string"),
        ("5$", "string"),
        ("+-1", "string"),
        ("-+1", "string"),
    ]

    @Test("every plain scalar of the table has the type recorded")
    func recordedTypes() {
        for (text, kind) in Self.table {
            guard case .success(.scalar(let scalar)?) = YAMLLoader.load(text, firstLine: 1) else {
                Issue.record("'\(text)' is not read as a scalar")
                continue
            }
            #expect(scalar.text == text)
            #expect("\(scalar.kind)" == kind, "'\(text)'")
        }
    }

    /// Yams trapped on these (its base 60 arithmetic overflowed), so they are not in the table.
    @Test("sexagesimal integers are their value when it fits an Int, else text", arguments: [
        ("1:0:0:0:0:0:0:0:0:0:0", "int(604661760000000000)"),
        ("-1:0:0:0:0:0:0:0:0:0:0", "int(-604661760000000000)"),
        ("153722867280912930:7", "int(9223372036854775807)"),
        ("153722867280912930:8", "string"),
        ("9223372036854775807:00", "string"),
        ("1:0:0:0:0:0:0:0:0:0:0:0", "string"),
    ])
    func largeSexagesimals(text: String, kind: String) {
        guard case .success(.scalar(let scalar)?) = YAMLLoader.load(text, firstLine: 1) else {
            Issue.record("'\(text)' is not read as a scalar")
            return
        }
        #expect("\(scalar.kind)" == kind)
    }
}
