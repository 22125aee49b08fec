using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;

namespace EopTools.IO
{
    /// <summary>
    /// The module's one size cap on what it reads whole (a file, the cache, a web service answer): a stream read as text,
    /// but never more than a limit, since a file may grow while it is read, a device never ends and a server may send more
    /// than it announced.
    /// </summary>
    internal static class BoundedText
    {
        public const int ChunkBytes = 81920;

        /// <summary>
        /// The stream's text, decoded by the <see cref="ByteOrderMark"/> rule; false, with the size seen so far, when it
        /// holds more than <paramref name="maxBytes"/>.
        /// </summary>
        public static bool TryRead(Stream stream, long maxBytes, [NotNullWhen(true)] out string? text, out long size)
        {
            text = null;
            var content = new MemoryStream();
            if (!TryReadBytes(stream, maxBytes, content, CancellationToken.None, out size)) return false;
            text = ByteOrderMark.Decode(content.GetBuffer(), (int)content.Length);
            return true;
        }

        /// <summary>
        /// Reads the stream into <paramref name="content"/>; false, with the size seen so far, when it holds more than
        /// <paramref name="maxBytes"/>. At most one chunk past the limit is read, and none of it kept. What was read stays
        /// in <paramref name="content"/> when a read fails. A cancellable <paramref name="cancel"/> also stops a read that waits.
        /// </summary>
        public static bool TryReadBytes(Stream stream, long maxBytes, MemoryStream content, CancellationToken cancel, out long size)
        {
            size = stream.CanSeek ? stream.Length : 0;
            if (size > maxBytes) return false;
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = cancel.CanBeCanceled
                       ? stream.ReadAsync(chunk, 0, chunk.Length, cancel).GetAwaiter().GetResult()
                       : stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                size = content.Length + read;
                if (size > maxBytes) return false;
                content.Write(chunk, 0, read);
            }
            return true;
        }
    }
}
