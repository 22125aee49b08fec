using System.IO;
using System.Text;

namespace EopTools.IO
{
    /// <summary>
    /// The module's one rule for the encoding of what it reads (range files, the cache, the web service's answers, logs,
    /// message headers): a byte order mark names the encoding (UTF-8, UTF-16 or UTF-32, either byte order) and is not
    /// part of the text; without one the text is UTF-8. None is refused: a reader that cannot use what the text holds
    /// (a NUL in a header block, say) refuses that, by its own id.
    /// </summary>
    internal static class ByteOrderMark
    {
        /// <summary>The longest mark: the first bytes to look at.</summary>
        public const int MaxLength = 4;

        /// <summary>Decodes invalid UTF-8 as U+FFFD, as StreamReader does, rather than failing on the first bad byte.</summary>
        public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>The encoding the first <paramref name="length"/> bytes name, and how many bytes the mark takes (0 for none).</summary>
        public static Encoding Detect(byte[] start, int length, out int markLength)
        {
            markLength = 3;
            if (length >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF) return Utf8;
            markLength = 4;
            // UTF-32 LE before UTF-16 LE: FF FE 00 00 starts both.
            if (length >= 4 && start[0] == 0xFF && start[1] == 0xFE && start[2] == 0 && start[3] == 0) return new UTF32Encoding(bigEndian: false, byteOrderMark: true);
            if (length >= 4 && start[0] == 0 && start[1] == 0 && start[2] == 0xFE && start[3] == 0xFF) return new UTF32Encoding(bigEndian: true, byteOrderMark: true);
            markLength = 2;
            if (length >= 2 && start[0] == 0xFF && start[1] == 0xFE) return Encoding.Unicode;
            if (length >= 2 && start[0] == 0xFE && start[1] == 0xFF) return Encoding.BigEndianUnicode;
            markLength = 0;
            return Utf8;
        }

        /// <summary>Reads a stream's first bytes (up to <see cref="MaxLength"/>) and tells their encoding; the stream is left after them.</summary>
        public static Encoding Detect(Stream stream, out int markLength)
        {
            var start = new byte[MaxLength];
            int length = 0, last;
            while (length < start.Length && (last = stream.Read(start, length, start.Length - length)) > 0) length += last;
            return Detect(start, length, out markLength);
        }

        /// <summary>True for UTF-8, whose bytes are the text's own.</summary>
        public static bool IsUtf8(Encoding encoding) => encoding.CodePage == Utf8.CodePage;

        /// <summary>
        /// How many characters of <paramref name="text"/> are the mark (0 or 1): text that reaches a reader as a string
        /// (from the pipeline, or decoded by a caller that kept the mark) may still start with it as U+FEFF.
        /// </summary>
        public static int LengthIn(string text) => text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        /// <summary>The text of the first <paramref name="length"/> bytes, by the rule above.</summary>
        public static string Decode(byte[] bytes, int length)
        {
            Encoding encoding = Detect(bytes, length, out int markLength);
            return encoding.GetString(bytes, markLength, length - markLength);
        }
    }
}
