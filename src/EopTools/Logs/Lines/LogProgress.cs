using System.Threading;

namespace EopTools.Logs
{
    /// <summary>Bytes read so far by every reader of a run.</summary>
    internal sealed class LogProgress
    {
        private long _bytesRead;

        public LogProgress(long totalBytes)
        {
            TotalBytes = totalBytes;
        }

        public long TotalBytes { get; }

        public long BytesRead => Interlocked.Read(ref _bytesRead);

        public void Add(int bytes) => Interlocked.Add(ref _bytesRead, bytes);
    }
}
