using System.Text.RegularExpressions;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// An error or a warning is told apart by its stable id, and names the values the admin needs (file, line, the
    /// offending value, the reason) whatever its wording: tests assert those, so rewording a message breaks none.
    /// Where the wording is the behaviour (verdict reasons, copyable commands, views, help) tests pin it whole instead.
    /// </summary>
    internal static class MessageAssert
    {
        public static void Names(EopToolsException error, string errorId, params string[] values)
        {
            Assert.Equal(errorId, error.ErrorId);
            Names(error.Message, values);
        }

        public static void Names(Diagnostic warning, string id, params string[] values)
        {
            Assert.Equal(id, warning.Id);
            Names(warning.ToString(), values);
        }

        /// <summary>For text that has no id of its own (a reason a parser gives, a part of a larger message).</summary>
        public static void Names(string message, params string[] values)
        {
            Assert.All(values, value => Assert.Contains(value, message));
        }

        /// <summary>
        /// A parser's reason, by a pattern of what it must name in order ('*' for any text between), as the Pester tests
        /// write them: "leading zero*'040'*octal".
        /// </summary>
        public static void NamesLike(string pattern, string? reason)
        {
            Assert.NotNull(reason);
            Assert.Matches(new Regex(Regex.Escape(pattern).Replace(@"\*", ".*"), RegexOptions.Singleline), reason!);
        }
    }
}
