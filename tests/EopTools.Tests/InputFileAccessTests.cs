using System;
using System.IO;
using System.Threading;
using EopTools.IO;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The one policy every reader opens a file by: the same refusals, ids and wording for every kind of file.</summary>
    public sealed class InputFileAccessTests : IDisposable
    {
        private readonly TempFolder _folder = new TempFolder();

        public void Dispose() => _folder.Dispose();

        [Theory]
        [InlineData("Range")]
        [InlineData("Log")]
        [InlineData("Message")]
        public void ReadsEveryFileProblemTheSameWayForEachKind(string kind)
        {
            var access = new InputFileAccess(kind, 10);
            string what = "The " + kind.ToLowerInvariant() + " file '/srv/x'";
            InputFileException denied = access.Classify(new UnauthorizedAccessException("Access to the path is denied."), "/srv/x");
            Assert.Equal((kind + "FileUnreadable", what + " cannot be read: Access to the path is denied."), (denied.ErrorId, denied.Message));
            InputFileException gone = access.Classify(new DirectoryNotFoundException("Could not find a part of the path."), "/srv/x");
            Assert.Equal((kind + "FileNotFound", what + " does not exist."), (gone.ErrorId, gone.Message));
            var refused = new InputFileException(kind + "FileEmpty", "empty", "is empty");
            Assert.Same(refused, access.Classify(refused, "/srv/x"));
        }

        [Fact]
        public void TellsTheFilesProblemsFromOurOwnFaults()
        {
            Assert.True(FileProblems.Is(new IOException("locked")));
            Assert.True(FileProblems.Is(new UnauthorizedAccessException("denied")));
            Assert.True(FileProblems.Is(new PathTooLongException("long")));
            Assert.True(FileProblems.Is(new ArgumentException("Illegal characters in path.")));
            Assert.True(FileProblems.Is(new InputFileException("LogFileEmpty", "empty", "is empty")));
            Assert.False(FileProblems.Is(new InvalidOperationException("a bug")));
            Assert.False(FileProblems.Is(new OperationCanceledException()));
        }

        [Theory]
        [InlineData("Range")]
        [InlineData("Log")]
        [InlineData("Cache")]
        public void RefusesEachProblemWithTheKindsIdAndTheSameWording(string kind)
        {
            var access = new InputFileAccess(kind, 10);
            string what = "The " + kind.ToLowerInvariant() + " file '";
            string empty = _folder.PathOf("empty"), large = _folder.PathOf("large"), missing = _folder.PathOf("missing");
            File.WriteAllText(empty, string.Empty);
            File.WriteAllText(large, new string('x', 11));

            Assert.Equal((kind + "PathIsFolder", what + _folder.Path + "' is a folder, not a file."), Refusal(access, _folder.Path));
            Assert.Equal((kind + "FileNotFound", what + missing + "' does not exist."), Refusal(access, missing));
            Assert.Equal((kind + "FileEmpty", what + empty + "' is empty, or is not a regular file (a device, a pipe or a socket reports no size); it is not read."), Refusal(access, empty));
            Assert.Equal((kind + "FileTooLarge", what + large + "' is larger than 10 bytes (at least 11); no " + kind.ToLowerInvariant() + " file is that large, so it is not read."), Refusal(access, large));
        }

        [Fact]
        public void ReadsAFileOfExactlyTheLimit()
        {
            string path = _folder.PathOf("ten");
            File.WriteAllText(path, "0123456789");
            Assert.Equal("0123456789", new InputFileAccess("Range", 10).ReadAllText(path, FileShare.Read));
        }

        [Fact]
        public void StopsAGuardedReadOnceCancelled()
        {
            using (var cancellation = new CancellationTokenSource())
            using (Stream stream = new InputFileAccess("Log", long.MaxValue).Guard(new MemoryStream(new byte[100]), "memory", cancellation.Token))
            {
                var buffer = new byte[10];
                Assert.Equal(10, stream.Read(buffer, 0, 10));
                cancellation.Cancel();
                Assert.Throws<OperationCanceledException>(() => stream.Read(buffer, 0, 10));
            }
        }

        [Fact]
        public void RefusesAGuardedStreamOnceItOutgrowsTheLimit()
        {
            using (Stream stream = new InputFileAccess("Cache", 15).Guard(new MemoryStream(new byte[20]), "grown", CancellationToken.None))
            {
                var buffer = new byte[10];
                Assert.Equal(10, stream.Read(buffer, 0, 10));
                InputFileException error = Assert.Throws<InputFileException>(() => stream.Read(buffer, 0, 10));
                Assert.Equal("CacheFileTooLarge", error.ErrorId);
                Assert.Contains("15 bytes", error.Reason);
                Assert.Contains("at least 20", error.Reason);
            }
        }

        private static (string, string) Refusal(InputFileAccess access, string path)
        {
            InputFileException error = Assert.Throws<InputFileException>(() => access.Check(path));
            return (error.ErrorId, error.Message);
        }
    }
}
