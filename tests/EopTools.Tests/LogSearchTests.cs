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

        /// <summary>
        /// A protocol log restarted twice (once as a tracking log, so the columns change mid-file), with a UTF-8 byte
        /// order mark, CRLF and LF line ends, malformed lines, a value that is not an address and a truncated last line.
        /// </summary>
        private static readonly string RestartedLog = "\uFEFF" + LogReaderTests.ProtocolLog.Substring(0, LogReaderTests.ProtocolLog.LastIndexOf("\r\n", StringComparison.Ordinal)) + "\r\n" +
            string.Join("\n",
                "#Log-type: Message Tracking Log",
                ExchangeLogLayout.TrackingFields,
                LogReaderTests.Tracking("2026-11-27T12:00:00.000Z", client: "10.0.0.6", host: "EX02.contoso.com", original: "203.0.113.50", subject: "\"Quarterly figures, final\""),
                LogReaderTests.Tracking("2026-11-27T12:01:00.000Z", client: "104.47.1.1", host: "mail-eopbgr1.outbound.protection.outlook.com", original: "", subject: "Hello"),
                LogReaderTests.Tracking("2026-11-27T12:02:00.000Z", client: "203.0.113.9", host: "SCANNER3.contoso.com", original: "", subject: "x"),
                "#Log-type: SMTP Receive Protocol Log",
                ExchangeLogLayout.ProtocolFields,
                "2026-11-27T13:00:00.000Z,EX01\\Default Frontend EX01,08DD000000000009,0,10.0.0.5:25,203.0.113.9:40200,+,,",
                "2026-11-27T13:00:00.100Z,EX01\\Default Frontend EX01,08DD000000000009,1,10.0.0.5:25,203.0.113.9:40200,<,EHLO scanner.contoso.com,",
                "2026-11-27T13:00:00.200Z,EX01\\Default Frontend EX01,08DD000000000009,2,10.0.0.5:25,bad,<,x,",
                "2026-11-27T13:00:00.300Z,EX01\\Default Frontend EX01,08DD00000000000A,0,10.0.0.5:25,198.51.100.7:25,+,,",
                "2026-11-27T13:00:01.000Z,EX01\\Default Frontend EX01,08DD00000000000B,0,10.0.0.5:25,198.51.100.8:2");

        public static IEnumerable<object[]> PartSizes() =>
            new long[] { 1, 2, 3, 5, 17, 64, 100, 257, 1000, 2500 }.Select(size => new object[] { size });

        [Theory]
        [MemberData(nameof(PartSizes))]
        public void ASummaryReadInPartsIsTheSummaryOfTheWholeFile(long partBytes)
        {
            string path = Write("RECV-restarted.LOG", RestartedLog);
            List<string> whole = DescribeSummary(new[] { path }, threads: 1, partBytes: 0);
            Assert.Contains("counts: '" + path + "' (SMTP Receive Protocol Log): 36 lines read = 14 headers, comments or blank + 2 malformed + 1 without an address + 2 not an address + 17 answered (4 EOP, 13 not EOP).", whole);
            AssertPartsReadAsWhole(path, whole, partBytes);
        }

        [Theory]
        [MemberData(nameof(PartSizes))]
        public void AHeaderThatEndsTheFileEndsItWhicheverPartItIsIn(long partBytes)
        {
            // The second '#Fields:' has no address column: the file ends there, with that line's number.
            string path = Write("RECV-badheader.LOG", RestartedLog.Replace(ExchangeLogLayout.TrackingFields, "#Fields: date-time,connector-id,data"));
            List<string> whole = DescribeSummary(new[] { path }, threads: 1, partBytes: 0);
            Assert.Contains(whole, line => line.StartsWith("Error LogFileHasNoAddressField: '" + path + "': the header on line 26 ", StringComparison.Ordinal));
            AssertPartsReadAsWhole(path, whole, partBytes);
        }

        [Theory]
        [MemberData(nameof(PartSizes))]
        public void ACsvExportReadInPartsKeepsItsHeaderRow(long partBytes)
        {
            var lines = new List<string> { "#TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace", "\"date_time_utc\",\"client_ip\",\"original_client_ip\",\"message_subject\"" };
            for (int i = 0; i < 60; i++) lines.Add("\"2026-11-27T10:" + (i % 60).ToString("00") + ":00.0000000Z\",\"40.92.70." + (i % 7 + 1) + "\",\"" + (i % 3 == 0 ? string.Empty : "198.51.100." + (i % 5)) + "\",\"Re: \"\"hi\"\", " + i + "\"");
            string path = Write("trace.csv", string.Join("\r\n", lines) + "\r\n");
            List<string> whole = DescribeSummary(new[] { path }, threads: 1, partBytes: 0);
            Assert.Contains("counts: '" + path + "' (CSV): 62 lines read = 2 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 60 answered (20 EOP, 40 not EOP).", whole);
            AssertPartsReadAsWhole(path, whole, partBytes);
        }

        [Theory]
        [MemberData(nameof(PartSizes))]
        public void AHeaderlessLogReadInPartsTakesItsDelimiterFromItsFirstLine(long partBytes)
        {
            // With -Header, the first line says how the columns are split (here by spaces), and every part reads so.
            var lines = Enumerable.Range(0, 80).Select(i => "2026-11-27T10:" + (i % 60).ToString("00") + ":00Z 40.92.70." + (i % 9 + 1) + " user" + i + "@contoso.com");
            string path = Write("headerless.log", string.Join("\n", lines) + "\n");
            var options = new LogReadOptions(new[] { "client" }, new[] { "time", "client", "sender" }, LogSide.Both);
            List<string> whole = DescribeSummary(new[] { path }, threads: 1, partBytes: 0, options);
            Assert.Contains("counts: '" + path + "' (headerless log): 80 lines read = 0 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 80 answered (80 EOP, 0 not EOP).", whole);
            AssertPartsReadAsWhole(path, whole, partBytes, options);
        }

        /// <summary>
        /// An IIS 6 log with a time field but no date field, restarted: each time is of the day of the '#Date:' before
        /// it, also one that comes without a new '#Fields:'; a time of day that goes back keeps that day; a '#Date:' that
        /// does not read leaves the lines up to the next one without a time.
        /// </summary>
        private static readonly string TimeOnlyLog = string.Join("\r\n",
            "#Software: Microsoft Internet Information Services 6.0",
            "#Version: 1.0",
            "#Date: 2013-07-30 00:00:00",
            "#Fields: time c-ip cs-method cs-uri-stem",
            "23:59:58 198.51.100.1 GET /a",
            "00:00:02 198.51.100.2 GET /b",
            "#Date: 2013-07-31 00:00:05",
            "00:00:06 198.51.100.3 GET /c",
            "#Software: Microsoft Internet Information Services 6.0",
            "#Version: 1.0",
            "#Date: 31/07/2013 10:00:00",
            "#Fields: time c-ip cs-method cs-uri-stem",
            "10:00:01 198.51.100.4 GET /d",
            "#Date: 2013-08-01 00:00:00",
            "00:00:01 198.51.100.5 GET /e") + "\r\n";

        [Theory]
        [MemberData(nameof(PartSizes))]
        public void ALogWithATimeButNoDateFieldTakesTheDayOfItsDateDirectiveWholeOrInParts(long partBytes)
        {
            string path = Write("u_ex130730.log", TimeOnlyLog);
            List<string> records = DescribeRecords(new[] { path }, threads: 1, partBytes: 1L << 40);
            Assert.Equal(new[]
            {
                path + ":5 198.51.100.1 2013-07-30T23:59:58.0000000Z",
                path + ":6 198.51.100.2 2013-07-30T00:00:02.0000000Z",
                path + ":8 198.51.100.3 2013-07-31T00:00:06.0000000Z",
                path + ":13 198.51.100.4 ",
                path + ":15 198.51.100.5 2013-08-01T00:00:01.0000000Z",
            }, records.Where(line => line.StartsWith(path + ":", StringComparison.Ordinal)).Select(PlaceAddressAndTime));
            Assert.Contains("Warning : " + path + ":11: The '#Date:' directive could not be read as yyyy-MM-dd HH:mm:ss; the log has a time field but no date field, " +
                "so its lines up to the next '#Date:' that reads have no time: '31/07/2013 10:00:00'", records);
            AssertPartsReadAsWhole(path, DescribeSummary(new[] { path }, threads: 1, partBytes: 0), partBytes);
        }

        /// <summary>A record as its file and line, address and time ("" for none), from what <see cref="DescribeRecords"/> says of it.</summary>
        private static string PlaceAddressAndTime(string record)
        {
            string[] words = record.Split(' ');
            return words[0] + " " + words[1] + " " + (words.FirstOrDefault(word => word.Length == 28 && word[4] == '-' && word[10] == 'T') ?? string.Empty);
        }

        [Fact]
        public void DateDirectivesThatDoNotReadAreNotToldForALogWithADateField()
        {
            string path = Write("u_ex130731.log", TimeOnlyLog.Replace("#Fields: time c-ip", "#Fields: date time c-ip").Replace("\r\n00:", "\r\n2013-07-30 00:").Replace("\r\n23:", "\r\n2013-07-30 23:").Replace("\r\n10:", "\r\n2013-07-31 10:"));
            List<string> records = DescribeRecords(new[] { path }, threads: 1, partBytes: 0);
            Assert.DoesNotContain(records, line => line.StartsWith("Warning", StringComparison.Ordinal));
            Assert.Contains(path + ":13 198.51.100.4 2013-07-31T10:00:01.0000000Z", records.Select(PlaceAddressAndTime));
        }

        [Theory]
        [InlineData(60000)]
        [InlineData(200000)]
        [InlineData(300000)]
        public void ManyValuesThatAreNotAddressesAreTalliedAlikeWholeOrInParts(long partBytes)
        {
            // 2,400 host names in the address field, each on three lines spread over the file: more than a summary keeps.
            // Each part meets more than it keeps, and the values it keeps must be the ones the whole file keeps, each
            // with all its lines (a part does not know which values the parts before it kept).
            const int values = 2400;
            var lines = new List<string> { "#Log-type: SMTP Receive Protocol Log", ExchangeLogLayout.ProtocolFields };
            for (int i = 0; i < 3 * values; i++)
            {
                lines.Add("2026-11-27T13:00:00.000Z,EX01\\Default Frontend EX01,08DD000000000009,0,10.0.0.5:25,host" + (i * 7919 % values) + ".contoso.com,<,x,");
            }
            string path = Write("RECV-hostnames.LOG", string.Join("\r\n", lines) + "\r\n");
            List<string> whole = DescribeSummary(new[] { path }, threads: 1, partBytes: 0, out LogSummaryBuilder summary);
            Assert.Equal(LogSummaryBuilder.MaxNotAnAddressValues, summary.NotAddresses.Count);
            Assert.All(summary.NotAddresses.Values, tally => Assert.Equal(3, tally.Lines));
            Assert.Equal(whole, DescribeSummary(new[] { path }, threads: 2, partBytes, out _));
        }

        [Fact]
        public void AUtf16LogIsReadWholeWhateverThePartSize()
        {
            // A place in a re-encoded file is not a place in its text: it is not cut.
            string path = _folder.PathOf("RECV-utf16.LOG");
            File.WriteAllText(path, RestartedLog.TrimStart('\uFEFF'), new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
            List<string> whole = DescribeSummary(new[] { path }, threads: 1, partBytes: 0);
            Assert.Contains(whole, line => line.StartsWith("counts: '" + path + "' (SMTP Receive Protocol Log): 36 lines read", StringComparison.Ordinal));
            AssertPartsReadAsWhole(path, whole, 7);
        }

        [Fact]
        public void AFileWithFewerFilesThanThreadsIsCutOnlyWhenLarge()
        {
            // Parts are at least a megabyte: this file of a few kilobytes is read whole, with the same answer.
            string path = Write("RECV-small.LOG", RestartedLog);
            Assert.Equal(DescribeSummary(new[] { path }, threads: 1, partBytes: 0), DescribeSummary(new[] { path }, threads: 4, partBytes: 0));
        }

        /// <summary>The file read in parts on two threads says what it says read whole on one, as a summary and as records.</summary>
        private static void AssertPartsReadAsWhole(string path, List<string> wholeSummary, long partBytes, LogReadOptions? options = null)
        {
            Assert.Equal(wholeSummary, DescribeSummary(new[] { path }, threads: 2, partBytes, options));
            Assert.Equal(DescribeRecords(new[] { path }, threads: 1, partBytes: 1L << 40, options), DescribeRecords(new[] { path }, threads: 2, partBytes, options));
        }

        /// <summary>Everything a run of records says, as text: each record and message in order, and the counts.</summary>
        internal static List<string> DescribeRecords(IReadOnlyList<string> paths, int threads, long partBytes, LogReadOptions? options = null) =>
            Describe(paths, threads, partBytes, options, summary: false, out _);

        /// <summary>Everything a -Summary run says, as text: messages, counts, and every tally in order.</summary>
        internal static List<string> DescribeSummary(IReadOnlyList<string> paths, int threads, long partBytes, LogReadOptions? options = null) =>
            DescribeSummary(paths, threads, partBytes, out _, options);

        /// <summary>The same, with the run's summary; the values that are not addresses in order of their text, as the cmdlet's sort leaves ties.</summary>
        private static List<string> DescribeSummary(IReadOnlyList<string> paths, int threads, long partBytes, out LogSummaryBuilder summary, LogReadOptions? options = null)
        {
            List<string> described = Describe(paths, threads, partBytes, options, summary: true, out LogSearch search);
            summary = search.Summary!;
            var notAddresses = summary.NotAddresses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, Tally: p.Value));
            foreach (var pair in summary.Addresses.Select(p => (Key: p.Key.ToString(), Tally: p.Value)).Concat(notAddresses))
            {
                AddressTally tally = pair.Tally;
                described.Add(pair.Key + ": " + tally.Lines + " lines, " + tally.Sessions + " sessions, " + tally.FirstSeen?.ToString("o") + " - " + tally.LastSeen?.ToString("o") +
                    ", hosts " + string.Join("|", tally.HostNames ?? new List<string>()) + ", files " + string.Join("|", tally.Files) + ", " + (tally.Answer.Range?.Prefix ?? "not EOP"));
            }
            return described;
        }

        private static List<string> Describe(IReadOnlyList<string> paths, int threads, long partBytes, LogReadOptions? options, bool summary, out LogSearch search)
        {
            search = new LogSearch(paths, options ?? new LogReadOptions(null, null, LogSide.Both), LogReaderTests.Index, summary, 0, partBytes);
            var described = new List<string>();
            using (search)
            {
                search.Start(threads);
                foreach (object? item in search.Results(TimeSpan.FromMilliseconds(50)))
                {
                    if (item is LogMessage message) described.Add(message.Kind + " " + message.Error?.ErrorId + ": " + message.Text);
                    else if (item is EopLogRecord record)
                    {
                        described.Add(record.Path + ":" + record.LineNumber + " " + record.IPAddress + " " + record.Port + " " + record.IsEop + " " + record.Field + " " +
                            record.LogType + " " + record.Timestamp?.ToString("o") + " " + record.Line + " | " + string.Join("|", record.Values.Values.Cast<string>()));
                    }
                }
            }
            described.AddRange(search.Counts.Select(counts => "counts: " + counts));
            return described;
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
