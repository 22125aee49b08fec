using System;
using System.IO;
using System.Threading.Tasks;
using EopTools.Parsing;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>What the one file reader refuses before reading a file whole: folders, devices, pipes, empty and oversized files.</summary>
    public sealed class RangeFileReaderTests : IDisposable
    {
        private const int HangGuard = 30_000;

        private readonly TempFolder _folder = new TempFolder();

        public void Dispose() => _folder.Dispose();

        private string PathOf(string name) => _folder.PathOf(name);

        private static RangeDataException Refusal(string path) => Assert.Throws<RangeDataException>(() => RangeFileReader.ReadFileText(path));

        [Fact]
        public void RefusesAFileOverTheLimitBeforeReadingIt()
        {
            string path = PathOf("big.txt");
            using (var file = File.Create(path)) file.SetLength(RangeFileReader.MaxFileBytes + 1L);

            RangeDataException error = Refusal(path);
            Assert.Equal("RangeFileTooLarge", error.ErrorId);
            Assert.Contains("'" + path + "'", error.Message);
            Assert.Contains("16,777,216 bytes (at least 16,777,217)", error.Message);
        }

        [Fact]
        public void ReadsAFileOfExactlyTheLimit()
        {
            string path = PathOf("limit.txt");
            using (var file = File.Create(path)) file.SetLength(RangeFileReader.MaxFileBytes);
            Assert.Equal(RangeFileReader.MaxFileBytes, RangeFileReader.ReadFileText(path).Length);
        }

        [Fact]
        public void RefusesAnEmptyFile()
        {
            string path = PathOf("empty.txt");
            File.WriteAllText(path, string.Empty);
            RangeDataException error = Refusal(path);
            Assert.Equal("RangeFileEmpty", error.ErrorId);
            Assert.Contains("'" + path + "' is empty", error.Message);
        }

        /// <summary>Devices never end and a pipe waits for a writer: each would hang or fill memory if opened.</summary>
        [UnixTheory(Timeout = HangGuard)]
        [InlineData("/dev/zero")]
        [InlineData("/dev/urandom")]
        [InlineData("pipe")]
        public async Task RefusesADeviceOrAPipeWithoutOpeningIt(string file)
        {
            string path = file;
            if (file == "pipe") path = _folder.Fifo("pipe");
            var error = await Assert.ThrowsAsync<RangeDataException>(() => Task.Run(() => RangeFileReader.ReadFileText(path)));
            Assert.Equal("RangeFileEmpty", error.ErrorId);
        }

        /// <summary>
        /// Where the runtime follows links (.NET 6 and later: PowerShell 7) a link to a device is refused unopened; .NET
        /// Framework (Windows PowerShell, Mono here) cannot follow one, so the device is read to the limit, then refused.
        /// </summary>
        [UnixFact(Timeout = HangGuard)]
        public async Task RefusesALinkToADevice()
        {
            string path = _folder.Link("zero-link.txt", "/dev/zero");
            bool followsLinks = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) }) != null;
            var error = await Assert.ThrowsAsync<RangeDataException>(() => Task.Run(() => RangeFileReader.ReadFileText(path)));
            Assert.Equal(followsLinks ? "RangeFileEmpty" : "RangeFileTooLarge", error.ErrorId);
        }

        [UnixFact]
        public void ReadsARegularFileBehindASymbolicLink()
        {
            string path = _folder.Link("ranges-link.txt", TestPaths.Fixture("ranges.txt"));
            Assert.Equal(File.ReadAllText(TestPaths.Fixture("ranges.txt")), RangeFileReader.ReadFileText(path));
        }

        [UnixFact]
        public void RefusesALinkToNothingAsNotFound()
        {
            string path = _folder.Link("dangling.txt", PathOf("nothing.txt"));
            Assert.Equal("RangeFileNotFound", Refusal(path).ErrorId);
        }

        [Fact]
        public void RefusesAFolder()
        {
            RangeDataException error = Refusal(_folder.Path);
            Assert.Equal("RangePathIsFolder", error.ErrorId);
            Assert.Contains("'" + _folder.Path + "' is a folder", error.Message);
        }

        [Fact]
        public void ReadsTheByteOrderMarkAsTheEncoding()
        {
            string path = PathOf("utf16.txt");
            File.WriteAllText(path, "192.0.2.0/24\n", System.Text.Encoding.Unicode);
            Assert.Equal("192.0.2.0/24\n", RangeFileReader.ReadFileText(path));
        }
    }
}
