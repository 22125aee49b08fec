using System;
using System.Globalization;
using System.IO;
using System.Text;
using EopTools.IO;

namespace EopTools.Headers
{
    /// <summary>
    /// Reads the header block of a message file (.eml, mbox, or header text saved from Outlook): only up to the first
    /// empty line, so a message with a 30 MB attachment costs what its headers cost. Refuses, with a stable id, what
    /// is not such a file: a folder, a device or pipe (no size), an Outlook .msg, binary data, headers over the cap.
    /// </summary>
    internal static class HeaderFileReader
    {
        /// <summary>The largest header block read: real ones are 5-60 KB; this only stops what is not a message.</summary>
        public const int MaxHeaderBytes = 1024 * 1024;

        private const int ChunkBytes = 16 * 1024;

        [ThreadStatic]
        private static byte[]? _chunk;

        /// <summary>The module's one file policy: no size limit, since only the header block is read (see <see cref="MaxHeaderBytes"/>).</summary>
        private static readonly InputFileAccess Access = new InputFileAccess("Message", long.MaxValue);

        // The compound file signature of an Outlook .msg (and every OLE2 file).
        private static readonly byte[] CompoundFileSignature = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

        public static string ReadHeaderText(string path)
        {
            try
            {
                using (FileStream stream = Access.Open(path, FileShare.ReadWrite | FileShare.Delete))
                {
                    return ReadHeaderText(stream, path);
                }
            }
            catch (Exception e) when (FileProblems.Is(e))
            {
                InputFileException refused = Access.Classify(e, path);
                throw new HeaderReadException(refused.ErrorId, refused.Message, e);
            }
        }

        /// <summary>The header block's text: the bytes up to the first empty line, decoded by the module's <see cref="ByteOrderMark"/> rule.</summary>
        public static string ReadHeaderText(Stream stream, string source)
        {
            // One first chunk a thread, used again for each message: a new one each time was a third of all the memory
            // a message cost, and with it the collections.
            byte[] buffer = _chunk ?? new byte[ChunkBytes];
            _chunk = null;
            int length = 0;
            var scan = new EndScan();
            bool started = false, ended = false;
            Encoding encoding = ByteOrderMark.Utf8;
            int markLength = 0;
            while (!ended && scan.HeaderEnd < 0)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= MaxHeaderBytes + 4) throw TooLarge(source);
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxHeaderBytes + 4));
                }
                int read = stream.Read(buffer, length, buffer.Length - length);
                ended = read == 0;
                length += read;
                if (!started)
                {
                    // The start is judged on its first 8 bytes, or on the whole of a shorter file.
                    if (length < CompoundFileSignature.Length && !ended) continue;
                    started = true;
                    if (StartsWith(buffer, length, CompoundFileSignature)) throw OutlookMsg(source);
                    encoding = ByteOrderMark.Detect(buffer, length, out markLength);
                }
                // UTF-16 or UTF-32 text is decoded whole (within the cap) and cut at its empty line as text.
                if (!ByteOrderMark.IsUtf8(encoding))
                {
                    if (length > MaxHeaderBytes) throw TooLarge(source);
                    continue;
                }
                scan.Scan(buffer, length, source);
                if (scan.HeaderEnd < 0 && length > MaxHeaderBytes) throw TooLarge(source);
            }
            if (buffer.Length == ChunkBytes) _chunk = buffer;
            if (length == 0) throw Refused("MessageFileEmpty", source, "is empty");
            if (!ByteOrderMark.IsUtf8(encoding))
            {
                string text = encoding.GetString(buffer, markLength, length - markLength);
                if (text.IndexOf('\0') >= 0) throw NotText(source, -1);
                return text;
            }
            int end = scan.HeaderEnd < 0 ? length : scan.HeaderEnd;
            return encoding.GetString(buffer, markLength, end - markLength);
        }

        /// <summary>Finds the empty line that ends the headers, across reads: CRLF, LF and CR alone each end a line.</summary>
        private sealed class EndScan
        {
            private int _scanned;
            private bool _lineHasText, _afterCarriageReturn;

            /// <summary>The offset of the empty line's line end, or -1 while none is found.</summary>
            public int HeaderEnd { get; private set; } = -1;

            public void Scan(byte[] buffer, int length, string source)
            {
                while (_scanned < length)
                {
                    // Most bytes are text above CR: a run of them is passed with one comparison a byte, and only NUL,
                    // tab, CR and LF are looked at one by one.
                    if (buffer[_scanned] > (byte)'\r')
                    {
                        int i = _scanned + 1;
                        while (i < length && buffer[i] > (byte)'\r') i++;
                        _scanned = i;
                        _lineHasText = true;
                        _afterCarriageReturn = false;
                        continue;
                    }
                    byte b = buffer[_scanned];
                    if (b == 0) throw NotText(source, _scanned);
                    bool secondOfCrLf = b == (byte)'\n' && _afterCarriageReturn;
                    _afterCarriageReturn = b == (byte)'\r';
                    if (!secondOfCrLf)
                    {
                        if (b != (byte)'\r' && b != (byte)'\n') _lineHasText = true;
                        else if (!_lineHasText)
                        {
                            HeaderEnd = _scanned;
                            return;
                        }
                        else _lineHasText = false;
                    }
                    _scanned++;
                }
            }
        }

        private static bool StartsWith(byte[] buffer, int length, byte[] signature)
        {
            if (length < signature.Length) return false;
            for (int i = 0; i < signature.Length; i++)
            {
                if (buffer[i] != signature[i]) return false;
            }
            return true;
        }

        private static HeaderReadException OutlookMsg(string source) =>
            new HeaderReadException("MessageFileIsOutlookMsg",
                source + " is an Outlook .msg file, which this command does not read. In Outlook, open the message, choose File > Properties, " +
                "copy the Internet headers box and save them as a text file (or pipe Get-Clipboard -Raw); or save the message as .eml.");

        private static HeaderReadException NotText(string source, int offset) =>
            new HeaderReadException("MessageFileNotText",
                source + " is not a message: it holds binary data (a NUL byte" + (offset >= 0 ? " at offset " + offset.ToString(CultureInfo.InvariantCulture) : string.Empty) +
                ") in its header block.");

        internal static HeaderReadException TooLarge(string source) =>
            new HeaderReadException("MessageHeaderTooLarge", string.Format(CultureInfo.InvariantCulture,
                "{0} has no end of its header block within {1:N0} bytes: no real message has headers that large, so it is not read.", source, MaxHeaderBytes));

        private static HeaderReadException Refused(string errorId, string path, string reason) =>
            new HeaderReadException(errorId, "The message file '" + path + "' " + reason + ".");
    }
}
