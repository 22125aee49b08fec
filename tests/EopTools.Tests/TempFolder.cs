using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>A new folder under the system's temporary folder, deleted with all it holds (read-only files too) when disposed.</summary>
    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eoptools-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string PathOf(string name) => System.IO.Path.Combine(Path, name);

        /// <summary>A symbolic link named <paramref name="name"/> to <paramref name="target"/>; its path.</summary>
        public string Link(string name, string target)
        {
            string path = PathOf(name);
            Run("ln", "-s", target, path);
            return path;
        }

        /// <summary>A named pipe (FIFO); its path.</summary>
        public string Fifo(string name)
        {
            string path = PathOf(name);
            Run("mkfifo", path);
            return path;
        }

        public void Dispose()
        {
            if (!Directory.Exists(Path)) return;
            foreach (string file in Directory.GetFiles(Path, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(Path, recursive: true);
        }

        /// <summary>Links and FIFOs are made by the tools, not by APIs that .NET Framework lacks.</summary>
        private static void Run(string tool, params string[] arguments)
        {
            var start = new ProcessStartInfo(tool, string.Join(" ", Array.ConvertAll(arguments, a => "\"" + a + "\""))) { UseShellExecute = false };
            using (Process process = Process.Start(start)!)
            {
                process.WaitForExit();
                Assert.Equal(0, process.ExitCode);
            }
        }
    }
}
