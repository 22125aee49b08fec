using System;
using System.IO;
using EopTools.Diff;
using EopTools.IO;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Whole files or nothing: the temporary file, the rename, and what a failure leaves behind.</summary>
    public sealed class AtomicFileTests : IDisposable
    {
        private readonly TempFolder _folder = new TempFolder();

        public void Dispose() => _folder.Dispose();

        private string PathOf(string name) => _folder.PathOf(name);

        [Fact]
        public void WritesANewFileInUtf8WithoutABom()
        {
            AtomicFile.Write(PathOf("out.md"), w => w.Write("é"), noClobber: false, force: false);
            Assert.Equal(new byte[] { 0xC3, 0xA9 }, File.ReadAllBytes(PathOf("out.md")));
            Assert.Equal(new[] { "out.md" }, FileNames());
        }

        [Fact]
        public void ReplacesAnExistingFile()
        {
            File.WriteAllText(PathOf("out.md"), "old");
            AtomicFile.Write(PathOf("out.md"), w => w.Write("new"), noClobber: false, force: false);
            Assert.Equal("new", File.ReadAllText(PathOf("out.md")));
            Assert.Equal(new[] { "out.md" }, FileNames());
        }

        [Fact]
        public void LeavesAnExistingFileIntactAndNoTemporaryFileWhenWritingFails()
        {
            File.WriteAllText(PathOf("out.md"), "old");
            var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(PathOf("out.md"), w =>
            {
                w.Write(new string('x', 100000));
                throw new InvalidOperationException("broken writer");
            }, noClobber: false, force: false));
            Assert.Equal("broken writer", error.Message);
            Assert.Equal("old", File.ReadAllText(PathOf("out.md")));
            Assert.Equal(new[] { "out.md" }, FileNames());
        }

        [Fact]
        public void LeavesNoFileWhenWritingANewOneFails()
        {
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(PathOf("out.md"), w => throw new InvalidOperationException(), noClobber: false, force: false));
            Assert.Empty(FileNames());
        }

        [Fact]
        public void KeepsAnExistingFileWithNoClobber()
        {
            File.WriteAllText(PathOf("out.md"), "old");
            var error = Assert.Throws<OutputFileException>(() => AtomicFile.Write(PathOf("out.md"), w => w.Write("new"), noClobber: true, force: false));
            Assert.Equal("OutputFileExists", error.ErrorId);
            Assert.Equal("old", File.ReadAllText(PathOf("out.md")));
            Assert.Equal(new[] { "out.md" }, FileNames());
        }

        [Fact]
        public void WritesANewFileWithNoClobber()
        {
            AtomicFile.Write(PathOf("out.md"), w => w.Write("new"), noClobber: true, force: false);
            Assert.Equal("new", File.ReadAllText(PathOf("out.md")));
        }

        [Fact]
        public void RefusesAReadOnlyFileWithoutForce()
        {
            File.WriteAllText(PathOf("out.md"), "old");
            File.SetAttributes(PathOf("out.md"), FileAttributes.ReadOnly);
            var error = Assert.Throws<OutputFileException>(() => AtomicFile.Write(PathOf("out.md"), w => w.Write("new"), noClobber: false, force: false));
            Assert.Equal("OutputFileReadOnly", error.ErrorId);
            Assert.Equal("old", File.ReadAllText(PathOf("out.md")));
        }

        [Fact]
        public void ReplacesAReadOnlyFileWithForceAndKeepsItReadOnly()
        {
            File.WriteAllText(PathOf("out.md"), "old");
            File.SetAttributes(PathOf("out.md"), FileAttributes.ReadOnly);
            AtomicFile.Write(PathOf("out.md"), w => w.Write("new"), noClobber: false, force: true);
            Assert.Equal("new", File.ReadAllText(PathOf("out.md")));
            Assert.True((File.GetAttributes(PathOf("out.md")) & FileAttributes.ReadOnly) != 0);
        }

        [Fact]
        public void FailsWithOutputFolderNotFoundForAMissingFolder()
        {
            var error = Assert.Throws<OutputFileException>(() => AtomicFile.Write(_folder.PathOf(Path.Combine("missing", "out.md")), w => w.Write("x"), noClobber: false, force: false));
            Assert.Equal("OutputFolderNotFound", error.ErrorId);
            Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
        }

        [Fact]
        public void FailsWithOutputPathIsFolderForAFolder()
        {
            Directory.CreateDirectory(PathOf("sub"));
            var error = Assert.Throws<OutputFileException>(() => AtomicFile.Write(PathOf("sub"), w => w.Write("x"), noClobber: false, force: false));
            Assert.Equal("OutputPathIsFolder", error.ErrorId);
        }

        private string[] FileNames()
        {
            string[] names = Array.ConvertAll(Directory.GetFiles(_folder.Path), f => Path.GetFileName(f)!);
            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }
    }
}
