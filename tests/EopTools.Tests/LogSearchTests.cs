using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EopTools.Logs;
using Xunit;

namespace EopTools.Tests
{
    public sealed class LogSearchTests : IDisposable
    {
        private readonly TempFolder _folder = new TempFolder();

        public void Dispose() => _folder.Dispose();

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void OutputIsInFileAndLineOrderWhateverTheThreads(int threads)
        {
            // Files of different lengths, so that with several threads a later file finishes first.
            var paths = new List<string>();
            var expected = new List<string>();
            for (int file = 0; file < 5; file++)
            {
                int lines = file % 2 == 0 ? 3000 : 10;
                var text = new List<string> { ExchangeLogLayout.ProtocolFields };
                for (int i = 0; i < lines; i++)
                {
                    string address = "198.51." + file + "." + (i % 250 + 1);
                    text.Add("2026-11-27T10:00:00.000Z,EX01\\Default Frontend EX01,08DD" + i + ",0,10.0.0.5:25," + address + ":25,+,,");
                    expected.Add(file + ":" + (i + 2) + ":" + address);
                }
                string path = _folder.PathOf("RECV" + file + ".LOG");
                File.WriteAllLines(path, text);
                paths.Add(path);
            }

            List<object?> results = Run(paths, threads, summary: false, out LogSearch search);
            Assert.Equal(expected, results.OfType<EopLogRecord>().Select(r => paths.IndexOf(r.Path) + ":" + r.LineNumber + ":" + r.IPAddress));
            Assert.Equal(paths, results.OfType<LogMessage>().Where(m => m.Kind == LogMessageKind.Verbose).Select(m => m.Path));
            Assert.Equal(paths, search.Counts.Select(c => c.Path));
        }

        [Fact]
        public void AMissingFileIsAnErrorInItsPlaceAndTheOthersAreRead()
        {
            string first = Write("RECV1.LOG", LogReaderTests.ProtocolLog);
            string missing = _folder.PathOf("RECV2.LOG");
            string noHeader = Write("plain.log", "203.0.113.1,x\n");
            string last = Write("RECV3.LOG", LogReaderTests.ProtocolLog);

            List<object?> results = Run(new[] { first, missing, noHeader, last }, 2, summary: true, out LogSearch search);
            List<LogMessage> errors = results.OfType<LogMessage>().Where(m => m.Kind == LogMessageKind.Error).ToList();
            Assert.Equal(new[] { "LogFileNotFound", "LogFileHasNoHeader" }, errors.Select(e => e.Error!.ErrorId));
            Assert.Equal(new[] { missing, noHeader }, errors.Select(e => e.Path));
            Assert.Equal(new[] { first, missing, noHeader, last }, search.Counts.Select(c => c.Path));

            // Two copies of the same log: every count doubles, the files are listed once each.
            AddressTally scanner = search.Summary!.Addresses.Single(pair => pair.Key.ToString() == "203.0.113.9").Value;
            Assert.Equal(12, scanner.Lines);
            Assert.Equal(4, scanner.Sessions);
            Assert.Equal(new[] { 0, 3 }, scanner.Files);
            Assert.Equal(2, search.Summary.NotAddresses["999.1.1.1:25"].Lines);
            List<string> warnings = results.OfType<LogMessage>().Where(m => m.Kind == LogMessageKind.Warning).Select(m => m.Text).ToList();
            Assert.Equal(4, warnings.Count);
            Assert.Equal("'" + first + "': skipped 2 malformed lines, the first on line 14 (a quoted value is not closed, or a quote is inside an unquoted value). " +
                "The last line (25) is incomplete: the log was still being written.", warnings[1]);
        }

        private static List<object?> Run(IReadOnlyList<string> paths, int threads, bool summary, out LogSearch search)
        {
            search = new LogSearch(paths, new LogReadOptions(null, null, LogSide.Both), LogReaderTests.Index, summary, 0);
            using (search)
            {
                search.Start(threads);
                return search.Results(TimeSpan.FromMilliseconds(50)).Where(item => item != null).ToList();
            }
        }

        private string Write(string name, string text)
        {
            string path = _folder.PathOf(name);
            File.WriteAllText(path, text);
            return path;
        }
    }
}
