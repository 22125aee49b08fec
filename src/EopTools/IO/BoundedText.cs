using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;

namespace EopTools.IO
{
    /// <summary>A stream read whole as text, but never more than a limit: a file may grow while it is read, a device never ends.</summary>
    internal static class BoundedText
    {
        public const int ChunkBytes = 81920;

        /// <summary>
        /// The stream's text, UTF-8 unless a byte order mark names another encoding; false, with the size seen so far,
        /// when it holds more than <paramref name="maxBytes"/>. At most one chunk past the limit is read.
        /// </summary>
        public static bool TryRead(Stream stream, long maxBytes, [NotNullWhen(true)] out string? text, out long size)
        {
            text = null;
            size = stream.CanSeek ? stream.Length : 0;
            if (size > maxBytes) return false;
            var content = new MemoryStream();
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                size = content.Length + read;
                if (size > maxBytes) return false;
                content.Write(chunk, 0, read);
            }
            // As File.ReadAllText(path, UTF8) reads: a byte order mark, when there is one, names the encoding.
            using (var reader = new StreamReader(new MemoryStream(content.GetBuffer(), 0, (int)content.Length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                text = reader.ReadToEnd();
            }
            return true;
        }
    }
}
