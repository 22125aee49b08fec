using System;
using System.Text;

namespace EopTools.Headers
{
    /// <summary>
    /// RFC 2047 encoded words ("=?charset?B?...?=" and "=?charset?Q?...?=") in Subject and From, decoded; white space
    /// between two encoded words is dropped, as the RFC says. A word whose charset this runtime lacks, or whose text is
    /// not valid for its encoding, stays as written. One pass over the text.
    /// </summary>
    internal static class EncodedWords
    {
        // Longer than the RFC's 75, as real mailers overrun it; short enough to keep the search for a word's end bounded.
        private const int MaxWord = 200;

        public static string Decode(string text)
        {
            if (text.IndexOf("=?", StringComparison.Ordinal) < 0) return text;
            var result = new StringBuilder(text.Length);
            int i = 0;
            int pendingSpaceStart = -1; // white space after a decoded word, dropped if another decoded word follows
            while (i < text.Length)
            {
                if (text[i] == '=' && i + 1 < text.Length && text[i + 1] == '?' && TryDecodeWord(text, i, out string? decoded, out int wordEnd))
                {
                    pendingSpaceStart = -1;
                    result.Append(decoded);
                    i = wordEnd;
                    int spaceEnd = i;
                    while (spaceEnd < text.Length && (text[spaceEnd] == ' ' || text[spaceEnd] == '\t')) spaceEnd++;
                    if (spaceEnd > i && spaceEnd + 1 < text.Length && text[spaceEnd] == '=' && text[spaceEnd + 1] == '?')
                    {
                        pendingSpaceStart = i;
                        i = spaceEnd;
                    }
                    continue;
                }
                if (pendingSpaceStart >= 0)
                {
                    // The next "=?" was not an encoded word after all: the white space stays.
                    result.Append(text, pendingSpaceStart, i - pendingSpaceStart);
                    pendingSpaceStart = -1;
                }
                result.Append(text[i]);
                i++;
            }
            return result.ToString();
        }

        /// <summary>Decodes the encoded word at <paramref name="start"/>; false when it is not one this runtime can decode.</summary>
        private static bool TryDecodeWord(string text, int start, out string? decoded, out int end)
        {
            decoded = null;
            end = start;
            // An encoded word is at most 75 characters and holds no white space (RFC 2047 section 2): its parts are
            // looked for within MaxWord characters, so that text of many "=?" and no "?=" is still read in one pass.
            int charsetEnd = text.IndexOf('?', start + 2, Math.Min(MaxWord, text.Length - start - 2));
            if (charsetEnd < 0 || charsetEnd + 2 >= text.Length || text[charsetEnd + 2] != '?') return false;
            int payloadStart = charsetEnd + 3;
            int payloadEnd = text.IndexOf("?=", payloadStart, Math.Min(MaxWord, text.Length - payloadStart), StringComparison.Ordinal);
            if (payloadEnd < 0) return false;
            for (int i = start + 2; i < payloadEnd; i++)
            {
                if (text[i] == ' ' || text[i] == '\t') return false;
            }
            string charset = text.Substring(start + 2, charsetEnd - start - 2);
            int language = charset.IndexOf('*'); // RFC 2231: charset*language
            if (language >= 0) charset = charset.Substring(0, language);
            Encoding encoding;
            try
            {
                encoding = Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException)
            {
                return false;
            }
            byte[]? bytes = char.ToUpperInvariant(text[charsetEnd + 1]) switch
            {
                'B' => FromBase64(text, payloadStart, payloadEnd),
                'Q' => FromQuoted(text, payloadStart, payloadEnd),
                _ => null,
            };
            if (bytes == null) return false;
            try
            {
                decoded = encoding.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
            end = payloadEnd + 2;
            return true;
        }

        private static byte[]? FromBase64(string text, int start, int end)
        {
            try
            {
                return Convert.FromBase64String(text.Substring(start, end - start));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static byte[]? FromQuoted(string text, int start, int end)
        {
            var bytes = new byte[end - start];
            int count = 0;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '_') bytes[count++] = (byte)' ';
                else if (c == '=')
                {
                    if (i + 2 >= end) return null;
                    int high = HexValue(text[i + 1]), low = HexValue(text[i + 2]);
                    if (high < 0 || low < 0) return null;
                    bytes[count++] = (byte)(high * 16 + low);
                    i += 2;
                }
                else if (c > 126) return null;
                else bytes[count++] = (byte)c;
            }
            Array.Resize(ref bytes, count);
            return bytes;
        }

        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
