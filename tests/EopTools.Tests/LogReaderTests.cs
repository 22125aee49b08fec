using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EopTools.Index;
using EopTools.Logs;
using EopTools.Parsing;
using EopTools.Ranges;
using Xunit;
using static EopTools.Tests.ExchangeLogLayout;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    public class LogReaderTests
    {
        internal static readonly RangeIndex Index = new RangeIndex(Data(
            (EopRegion.Global, "40.92.0.0/14"),
            (EopRegion.Global, "104.47.0.0/17"),
            (EopRegion.Global, "2a01:111:f400::/48")));

        /// <summary>A receive log restarted once (two header blocks), with IPv6, quoted commas, and a last line cut off.</summary>
        internal static readonly string ProtocolLog = string.Join("\r\n",
            "#Software: Microsoft Exchange Server",
            "#Version: 15.02.1544.004",
            "#Log-type: SMTP Receive Protocol Log",
            "#Date: 2026-11-27T10:00:00.000Z",
            ProtocolFields,
            "2026-11-27T10:00:00.000Z,EX01\\Default Frontend EX01,08DD000000000001,0,10.0.0.5:25,40.92.70.1:51000,+,,",
            "2026-11-27T10:00:00.100Z,EX01\\Default Frontend EX01,08DD000000000001,1,10.0.0.5:25,40.92.70.1:51000,<,EHLO mail.protection.outlook.com,",
            "2026-11-27T10:00:01.000Z,EX01\\Default Frontend EX01,08DD000000000002,0,10.0.0.5:25,203.0.113.9:40000,+,,",
            "2026-11-27T10:00:01.100Z,EX01\\Default Frontend EX01,08DD000000000002,1,10.0.0.5:25,203.0.113.9:40000,>,\"220 EX01 ready at Fri, 27 Nov 2026 10:00:01 +0000\",",
            "2026-11-27T10:00:01.200Z,EX01\\Default Frontend EX01,08DD000000000002,2,10.0.0.5:25,203.0.113.9:40000,<,EHLO scanner.contoso.com,",
            "2026-11-27T10:00:01.300Z,EX01\\Default Frontend EX01,08DD000000000002,3,10.0.0.5:25,203.0.113.9:40000,<,\"MAIL FROM:<\"\"odd, name\"\"@contoso.com>\",",
            "2026-11-27T10:00:02.000Z,EX01\\Default Frontend EX01,08DD000000000003,0,10.0.0.5:25,[2001:db8::7]:41000,+,,",
            "2026-11-27T10:00:02.100Z,EX01\\Default Frontend EX01,08DD000000000003,1,10.0.0.5:25,[2001:db8::7]:41000,<,HELO printer,",
            "2026-11-27T10:00:02.200Z,EX01\\Default Frontend EX01,08DD000000000003,2,10.0.0.5:25,[2001:db8::7]:41000,<,\"unclosed,",
            "#Software: Microsoft Exchange Server",
            "#Version: 15.02.1544.004",
            "#Log-type: SMTP Receive Protocol Log",
            "#Date: 2026-11-27T11:00:00.000Z",
            ProtocolFields,
            "2026-11-27T11:00:00.000Z,EX01\\Default Frontend EX01,08DD000000000004,0,10.0.0.5:25,203.0.113.9:40100,+,,",
            "2026-11-27T11:00:00.100Z,EX01\\Default Frontend EX01,08DD000000000004,1,10.0.0.5:25,203.0.113.9:40100,<,EHLO scanner2.contoso.com,",
            "2026-11-27T11:00:01.000Z,EX01\\Default Frontend EX01,08DD000000000005,0,10.0.0.5:25,[2a01:111:f400:fe00::5]:25000,+,,",
            "2026-11-27T11:00:01.000Z,EX01\\Default Frontend EX01,08DD000000000006,0,10.0.0.5:25,-,+,,",
            "2026-11-27T11:00:01.000Z,EX01\\Default Frontend EX01,08DD000000000007,0,10.0.0.5:25,999.1.1.1:25,+,,",
            "2026-11-27T11:00:02.000Z,EX01\\Default Frontend EX01,08DD000000000008,0,10.0.0.5:25,198.51.100.7:2");

        [Fact]
        public void ProtocolLogCountsAddUpAcrossARestartAndATruncatedLastLine()
        {
            (LogFileCounts counts, LogSummaryBuilder summary) = Summarize(ProtocolLog);
            Assert.Equal(25, counts.Lines);
            Assert.Equal(10, counts.Ignored);
            Assert.Equal(2, counts.Malformed);
            Assert.Equal(14, counts.FirstMalformedLine);
            Assert.Equal(25, counts.TruncatedLine);
            Assert.Equal(1, counts.NoAddress);
            Assert.Equal(1, counts.NotAnAddress);
            Assert.Equal(24, counts.FirstNotAnAddressLine);
            Assert.Equal("999.1.1.1:25", counts.FirstNotAnAddressValue);
            Assert.Equal(11, counts.Answered);
            Assert.Equal(3, counts.Eop);
            Assert.Equal(8, counts.NotEop);
            Assert.True(counts.AddUp);
            Assert.Equal("SMTP Receive Protocol Log", counts.Kind);

            Assert.Equal(new[] { "2001:db8::7", "203.0.113.9", "2a01:111:f400:fe00::5", "40.92.70.1" }, summary.Addresses.Keys.Select(a => a.ToString()).OrderBy(a => a, StringComparer.Ordinal));
            AddressTally scanner = Tally(summary, "203.0.113.9");
            Assert.Equal(6, scanner.Lines);
            Assert.Equal(2, scanner.Sessions);
            Assert.Equal(new[] { "scanner.contoso.com", "scanner2.contoso.com" }, scanner.HostNames);
            Assert.Equal(new DateTime(2026, 11, 27, 10, 0, 1, DateTimeKind.Utc), scanner.FirstSeen);
            Assert.Equal(new DateTime(2026, 11, 27, 11, 0, 0, 100, DateTimeKind.Utc), scanner.LastSeen);
            Assert.Equal(new[] { "printer" }, Tally(summary, "2001:db8::7").HostNames);
            Assert.Equal(2, Tally(summary, "2001:db8::7").Lines);
            Assert.Equal("40.92.0.0/14", Tally(summary, "40.92.70.1").Answer.Range!.Prefix);
            Assert.Equal(new[] { "mail.protection.outlook.com" }, Tally(summary, "40.92.70.1").HostNames);
            Assert.Equal(new[] { "999.1.1.1:25" }, summary.NotAddresses.Keys);
        }

        [Fact]
        public void RecordsCarryTheLineTheAddressAndLazyValues()
        {
            List<EopLogRecord> records = Records(ProtocolLog, LogSide.Both);
            Assert.Equal(11, records.Count);
            EopLogRecord quoted = records.Single(r => r.LineNumber == 11);
            Assert.Equal("203.0.113.9", quoted.IPAddress.ToString());
            Assert.Equal(40000, quoted.Port);
            Assert.False(quoted.IsEop);
            Assert.Equal("remote-endpoint", quoted.Field);
            Assert.Equal("MAIL FROM:<\"odd, name\"@contoso.com>", quoted.Values["data"]);
            Assert.Equal("MAIL FROM:<\"odd, name\"@contoso.com>", quoted.Values["DATA"]);
            Assert.Equal(9, quoted.Values.Count);
            Assert.Equal(new DateTime(2026, 11, 27, 10, 0, 1, 300, DateTimeKind.Utc), quoted.Timestamp);
            Assert.Equal(DateTimeKind.Utc, quoted.Timestamp!.Value.Kind);
            EopLogRecord v6 = records.Single(r => r.LineNumber == 22);
            Assert.True(v6.IsEop);
            Assert.Equal("2a01:111:f400::/48", v6.Range!.Prefix);
            Assert.Equal(25000, v6.Port);
            Assert.Equal(new long[] { 6, 7, 8, 9, 10, 11, 12, 13, 20, 21, 22 }, records.Select(r => r.LineNumber));
        }

        [Fact]
        public void ATimeWindowKeepsTheLinesFromItsStartAndBeforeItsEndAndCountsTheOthers()
        {
            var window = new LogReadOptions(null, null, LogSide.Both,
                new DateTime(2026, 11, 27, 10, 0, 1, 200, DateTimeKind.Utc), new DateTime(2026, 11, 27, 11, 0, 1, DateTimeKind.Utc));
            Assert.Equal(new long[] { 10, 11, 12, 13, 20, 21 }, Records(ProtocolLog, window).Select(r => r.LineNumber));

            var sink = new RecordList("test.log");
            var reader = new LogFileReader("test.log", window, Index, sink);
            reader.Read(Utf8(ProtocolLog), CancellationToken.None);
            Assert.True(reader.Counts.AddUp);
            // Lines 6-9 are before the start, 22-24 at or after the end; the cut-off last line is still malformed.
            Assert.Equal(7, reader.Counts.NotInTimeWindow);

            // A file whose lines have no time: with a window, none is kept, and all are counted.
            var noTime = new LogReadOptions(new[] { "client" }, new[] { "client", "sender" }, LogSide.Both, start: window.Start);
            reader = new LogFileReader("test.log", noTime, Index, sink);
            reader.Read(Utf8("203.0.113.5,a\n40.92.1.1,b\n"), CancellationToken.None);
            Assert.Equal(2, reader.Counts.NotInTimeWindow);
            Assert.Equal(0, reader.Counts.Answered);
            Assert.True(reader.Counts.AddUp);
        }

        [Fact]
        public void SidesKeepOnlyTheirLines()
        {
            Assert.Equal(new long[] { 6, 7, 22 }, Records(ProtocolLog, LogSide.Eop).Select(r => r.LineNumber));
            Assert.Equal(new long[] { 8, 9, 10, 11, 12, 13, 20, 21 }, Records(ProtocolLog, LogSide.NotEop).Select(r => r.LineNumber));
        }

        [Fact]
        public void TrackingLogPrefersTheOriginalClientAndFallsBackToTheClient()
        {
            string log = string.Join("\n",
                "#Software: Microsoft Exchange Server",
                "#Log-type: Message Tracking Log",
                TrackingFields,
                Tracking("2026-11-27T10:00:00.000Z", client: "10.0.0.6", host: "EX02.contoso.com", original: "203.0.113.50", subject: "\"Quarterly figures, final\""),
                Tracking("2026-11-27T10:01:00.000Z", client: "104.47.1.1", host: "mail-eopbgr1.outbound.protection.outlook.com", original: "", subject: "Hello"),
                Tracking("2026-11-27T10:02:00.000Z", client: "", host: "", original: "", subject: "\"He said \"\"hi\"\"\""),
                Tracking("2026-11-27T10:03:00.000Z", client: "10.0.0.6", host: "EX02.contoso.com", original: "-", subject: "x"));
            List<EopLogRecord> records = Records(log, LogSide.Both);
            Assert.Equal(new[] { "203.0.113.50", "104.47.1.1", "10.0.0.6" }, records.Select(r => r.IPAddress.ToString()));
            Assert.Equal(new[] { "original-client-ip", "client-ip", "client-ip" }, records.Select(r => r.Field));
            Assert.Equal("Quarterly figures, final", records[0].Values["message-subject"]);
            Assert.Equal(new[] { false, true, false }, records.Select(r => r.IsEop));
            (LogFileCounts counts, LogSummaryBuilder summary) = Summarize(log);
            Assert.Equal(1, counts.NoAddress);
            Assert.Equal(new[] { "EX02.contoso.com" }, Tally(summary, "10.0.0.6").HostNames);
            Assert.Equal(0, Tally(summary, "10.0.0.6").Sessions);
        }

        [Fact]
        public void IisLogsAreSpaceSeparatedWithADateAndATime()
        {
            string log = string.Join("\r\n",
                "#Software: Microsoft Internet Information Services 10.0",
                "#Version: 1.0",
                "#Date: 2026-11-27 00:00:00",
                "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
                "2026-11-27 00:00:01 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\\erin 203.0.113.77 Microsoft+Office/16.0+(\"quoted\") - 200 0 0 31",
                "2026-11-27 00:00:02 10.0.0.5 GET /owa/ &a=1,2 443 - 2a01:111:f400::9 Mozilla/5.0 - 302 0 0 15",
                "2026-11-27 00:00:03 10.0.0.5 GET /owa/ - 443 -");
            List<EopLogRecord> records = Records(log, LogSide.Both);
            Assert.Equal(new[] { "203.0.113.77", "2a01:111:f400::9" }, records.Select(r => r.IPAddress.ToString()));
            Assert.Equal("c-ip", records[0].Field);
            Assert.Null(records[0].Port);
            Assert.Equal(new DateTime(2026, 11, 27, 0, 0, 1, DateTimeKind.Utc), records[0].Timestamp);
            Assert.Equal("Microsoft+Office/16.0+(\"quoted\")", records[0].Values["cs(User-Agent)"]);
            Assert.Equal("&a=1,2", records[1].Values["cs-uri-query"]);
            (LogFileCounts counts, _) = Summarize(log);
            Assert.Equal(1, counts.Malformed);
            Assert.Equal(7, counts.FirstMalformedLine);
            Assert.Equal("W3C log (IIS)", counts.Kind);
        }

        [Fact]
        public void MessageTraceExportsAreCsvWithAHeaderRow()
        {
            string log = string.Join("\r\n",
                "#TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace",
                "\"date_time_utc\",\"client_ip\",\"original_client_ip\",\"sender_address\",\"message_subject\"",
                "\"2026-11-27T10:00:00.0000000Z\",\"40.92.70.1\",\"198.51.100.20\",\"a@fabrikam.com\",\"Invoice, November\"",
                "\"2026-11-27T10:01:00.0000000Z\",\"40.92.70.2\",\"\",\"b@example.net\",\"Re: \"\"hello\"\"\"",
                "\"11/27/2026 10:02:00 AM\",\"2a01:111:f400::1\",,\"c@example.org\",plain");
            List<EopLogRecord> records = Records(log, LogSide.Both);
            Assert.Equal(new[] { "198.51.100.20", "40.92.70.2", "2a01:111:f400::1" }, records.Select(r => r.IPAddress.ToString()));
            Assert.Equal(new[] { "original_client_ip", "client_ip", "client_ip" }, records.Select(r => r.Field));
            Assert.Equal("Invoice, November", records[0].Values["message_subject"]);
            Assert.Equal("Re: \"hello\"", records[1].Values["message_subject"]);
            Assert.Equal(new DateTime(2026, 11, 27, 10, 2, 0, DateTimeKind.Utc), records[2].Timestamp);
            Assert.Equal(DateTimeKind.Utc, records[2].Timestamp!.Value.Kind);
        }

        [Fact]
        public void AFileWithoutAHeaderIsAnErrorUnlessHeaderSaysHowToReadIt()
        {
            string log = "2026-11-27T10:00:00Z,203.0.113.5,a@contoso.com\n2026-11-27T10:01:00Z,40.92.1.1,b@contoso.com\n";
            var e = Assert.Throws<LogFileException>(() => Summarize(log));
            MessageAssert.Names(e, "LogFileHasNoHeader", "'test.log'", "line 1 ");

            var options = new LogReadOptions(new[] { "client" }, new[] { "time", "client", "sender" }, LogSide.Both);
            List<EopLogRecord> records = Records(log, options);
            Assert.Equal(new[] { "203.0.113.5", "40.92.1.1" }, records.Select(r => r.IPAddress.ToString()));
            Assert.Equal("b@contoso.com", records[1].Values["sender"]);

            var wrongField = new LogReadOptions(new[] { "remote" }, new[] { "time", "client", "sender" }, LogSide.Both);
            Assert.Equal("LogFileHasNoAddressField", Assert.Throws<LogFileException>(() => Records(log, wrongField)).ErrorId);
        }

        [Fact]
        public void AReadThatFailsPartWayKeepsTheCountsOfWhatWasRead()
        {
            var reader = new LogFileReader("test.log", new LogReadOptions(null, null, LogSide.Both), Index, new LogSummaryBuilder(0, Index.NotEop));
            var failing = new FailingStream(ProtocolLog.Substring(0, ProtocolLog.IndexOf("08DD000000000002", StringComparison.Ordinal)));
            Assert.Throws<IOException>(() => reader.Read(failing, CancellationToken.None));
            Assert.Equal(7, reader.Counts.Lines);
            Assert.Equal(2, reader.Counts.Answered);
        }

        [Fact]
        public void KeepsOneHostNamePerSenderInAnyCaseAlsoWhenItIsNotAscii()
        {
            string Line(int session, string hello) => "2026-11-27T10:00:0" + session + ".000Z,EX01\\Default Frontend EX01,08DD00000000000" + session +
                ",1,10.0.0.5:25,203.0.113.9:40000,<," + hello + ",";
            string log = string.Join("\n", ProtocolFields, Line(1, "EHLO mail.exämple.com"), Line(2, "EHLO MAIL.EXÄMPLE.COM"),
                Line(3, "ehlo Mail.Example.com"), Line(4, "EHLO mail.example.COM"), string.Empty);
            (_, LogSummaryBuilder summary) = Summarize(log);
            Assert.Equal(new[] { "mail.exämple.com", "Mail.Example.com" }, Tally(summary, "203.0.113.9").HostNames);
        }

        [Fact]
        public void TheParsedAddressCacheAnswersOnlyForTheSameTextAndFindsReturningSenders()
        {
            var cache = new ParsedAddressCache();
            var random = new Random(20261129);
            var senders = Enumerable.Range(0, 6000).Select(i => "198." + random.Next(256) + "." + random.Next(256) + "." + random.Next(256) + ":" + random.Next(1, 65536)).ToList();
            int found = 0;
            for (int round = 0; round < 20000; round++)
            {
                string sender = senders[random.Next(senders.Count)];
                byte[] text = Encoding.UTF8.GetBytes("x," + sender + ",y");
                int start = 2, end = 2 + sender.Length;
                Assert.True(AddressInput.TryParse(sender, 0, sender.Length, out IpAddressValue address, out _, out _));
                if (cache.Find(text, start, end))
                {
                    found++;
                    Assert.Equal(address, cache.Address);
                }
                else
                {
                    cache.Remember(text, start, end, address, Index.Answer(address, null));
                }
                Assert.Same(Index.Answer(address, null), cache.Answer);
            }
            // 6,000 senders drawn 20,000 times (a fixed seed) in 4,096 slots: what comes back is often still kept.
            Assert.Equal(8394, found);
        }

        [Theory]
        [InlineData("utf-16")]
        [InlineData("utf-16BE")]
        [InlineData("utf-32")]
        [InlineData("utf-8")]
        public void ReadsTextWithAByteOrderMarkAsUtf8AlsoWhenAPairOfSurrogatesIsSplitBetweenReads(string encoding)
        {
            // The re-encoder reads 16,384 characters at a time: the pair of the emoji straddles the first read.
            string text = new string('a', (1 << 14) - 1) + char.ConvertFromUtf32(0x1F600) + "\nzwei Grüße\n";
            Encoding source = Encoding.GetEncoding(encoding);
            byte[] bytes = source.GetPreamble().Concat(source.GetBytes(text)).ToArray();
            using (Stream utf8 = Utf8Text.Open(new MemoryStream(bytes), file => file))
            {
                var read = new MemoryStream();
                utf8.CopyTo(read);
                Assert.Equal(Encoding.UTF8.GetBytes(text), read.ToArray());
            }
        }

        [Theory]
        [InlineData("a,b,c", 3, "a|b|c")]
        [InlineData("a,,c,", 4, "a||c|")]
        [InlineData("\"a,1\",\"b\"\"2\",c", 3, "a,1|b\"2|c")]
        [InlineData("\"\",x", 2, "|x")]
        [InlineData("a,\"b", -1, "")]
        [InlineData("a,\"b\"c", -1, "")]
        [InlineData("a,b\"c", -1, "")]
        [InlineData("a,b,c,d,e", 5, "")]
        public void SplitsCommaSeparatedLinesStrictly(string line, int expected, string values)
        {
            var starts = new int[4];
            var ends = new int[4];
            // In the middle of a buffer, as the reader holds lines.
            byte[] text = Encoding.UTF8.GetBytes("x\n" + line + "\ny");
            int count = FieldSplitter.SplitCsv(text, 2, 2 + line.Length, starts, ends);
            Assert.Equal(expected, count);
            if (values.Length == 0) return;
            Assert.Equal(values, string.Join("|", Enumerable.Range(0, count).Select(i => FieldSplitter.Value(text, 2, starts[i], ends[i]))));
        }

        [Theory]
        [InlineData("a b c", 3, "a|b|c")]
        [InlineData("a  b   c", 3, "a|b|c")]
        [InlineData(" a b c ", 3, "a|b|c")]
        [InlineData("a \"b c\" d", 3, "a|b c|d")]
        [InlineData("\"1.2.3.4\" \" \"\"x\"\" y \" -", 3, "1.2.3.4| \"x\" y |-")]
        [InlineData("\"\" b c", 3, "|b|c")]
        [InlineData("a b\"c\" d", 3, "a|b\"c\"|d")]
        [InlineData("\"a\"b c d", 3, "\"a\"b|c|d")]
        [InlineData("\"a b\" c\" d", 3, "a b|c\"|d")]
        [InlineData("a\"\"b c d", 3, "a\"\"b|c|d")]
        [InlineData("a \"b c d", 4, "a|\"b|c|d")]
        [InlineData("a \"b c\"x d", 4, "")]
        [InlineData("\"a b\" \"c d\" e f", 4, "")]
        [InlineData("a \"b", 2, "a|\"b")]
        [InlineData("\"a b", 2, "\"a|b")]
        [InlineData("a b c d e", 5, "")]
        public void SplitsW3CLinesOnRunsOfSpacesWithQuotedStrings(string line, int expected, string values)
        {
            // Three columns: a line that reads to three fields only unquoted is read unquoted.
            var starts = new int[4];
            var ends = new int[4];
            // In the middle of a buffer after a quote, as a record's line is kept after the line before it.
            byte[] text = Encoding.UTF8.GetBytes("x\"" + line + "\"y");
            int count = FieldSplitter.SplitW3C(text, 2, 2 + line.Length, 3, starts, ends);
            Assert.Equal(expected, count);
            if (values.Length == 0) return;
            Assert.Equal(values, string.Join("|", Enumerable.Range(0, count).Select(i => FieldSplitter.Value(text, 2, starts[i], ends[i]))));
        }

        [Fact]
        public void SplitsRandomLinesAsAByteByByteReadingOfTheRulesDoes()
        {
            // Lines of delimiters, quotes and letters at every place in a word of eight, so that every path of the
            // word-at-a-time search meets every rule; the bytes around the line are delimiters and quotes too.
            var random = new Random(20261129);
            byte[] alphabet = Encoding.ASCII.GetBytes("ab,\" ");
            for (int round = 0; round < 50000; round++)
            {
                bool w3c = random.Next(3) == 0;
                int capacity = random.Next(1, 12), length = random.Next(0, 40), at = random.Next(0, 9), columns = random.Next(1, capacity + 1);
                var text = new byte[at + length + random.Next(0, 9)];
                for (int i = 0; i < text.Length; i++) text[i] = alphabet[random.Next(alphabet.Length)];
                var starts = new int[capacity];
                var ends = new int[capacity];
                var expectedStarts = new int[capacity];
                var expectedEnds = new int[capacity];
                int count = w3c ? FieldSplitter.SplitW3C(text, at, at + length, columns, starts, ends) : FieldSplitter.SplitCsv(text, at, at + length, starts, ends);
                int expected = w3c
                    ? SplitW3CByteByByte(text, at, at + length, columns, expectedStarts, expectedEnds)
                    : SplitByteByByte(text, at, at + length, (byte)',', quoted: true, expectedStarts, expectedEnds);
                string line = Encoding.ASCII.GetString(text, at, length) + " (" + (w3c ? "W3C, " + columns + " columns" : "CSV") + ", capacity " + capacity + ")";
                Assert.True(expected == count, line + ": " + count + " fields, expected " + expected);
                for (int i = 0; i < Math.Min(count, capacity); i++)
                {
                    Assert.True(expectedStarts[i] == starts[i] && expectedEnds[i] == ends[i], line + ": field " + i);
                }
            }
        }

        /// <summary>
        /// The W3C rules read one byte at a time: quoted strings, and spaces alone when quotes do not read or give
        /// another number of fields than the columns (the oracle for <see cref="FieldSplitter.SplitW3C"/>).
        /// </summary>
        private static int SplitW3CByteByByte(byte[] text, int start, int end, int columns, int[] starts, int[] ends)
        {
            while (start < end && text[start] == (byte)' ') start++;
            while (end > start && text[end - 1] == (byte)' ') end--;
            var fields = new List<(int Start, int End)>();
            bool sawQuote = false;
            int quotedCount = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                bool quoted = pass == 0;
                fields.Clear();
                int count = 0, i = start;
                while (i < end && count >= 0)
                {
                    if (fields.Count == starts.Length)
                    {
                        count = starts.Length + 1;
                        break;
                    }
                    if (quoted && text[i] == (byte)'"')
                    {
                        sawQuote = true;
                        int j = i + 1;
                        while (j < end && (text[j] != (byte)'"' || j + 1 < end && text[j + 1] == (byte)'"')) j += text[j] == (byte)'"' ? 2 : 1;
                        if (j >= end || j + 1 < end && text[j + 1] != (byte)' ')
                        {
                            count = -1;
                            break;
                        }
                        fields.Add((i + 1, j));
                        i = j + 1;
                    }
                    else
                    {
                        int k = i;
                        while (k < end && text[k] != (byte)' ') k++;
                        fields.Add((i, k));
                        i = k;
                    }
                    while (i < end && text[i] == (byte)' ') i++;
                    count = fields.Count;
                }
                for (int f = 0; f < Math.Min(fields.Count, starts.Length); f++)
                {
                    starts[f] = fields[f].Start;
                    ends[f] = fields[f].End;
                }
                if (pass == 0)
                {
                    quotedCount = count;
                    if (count == columns || !sawQuote) return count;
                }
                else
                {
                    return count == columns || quotedCount < 0 ? count : quotedCount;
                }
            }
            throw new InvalidOperationException("unreachable");
        }

        /// <summary>The splitting rules read one byte at a time, as written: the oracle for <see cref="FieldSplitter.SplitCsv"/>.</summary>
        private static int SplitByteByByte(byte[] text, int start, int end, byte delimiter, bool quoted, int[] starts, int[] ends)
        {
            int count = 0, i = start;
            while (true)
            {
                if (count == starts.Length) return count + 1;
                if (quoted && i < end && text[i] == (byte)'"')
                {
                    int j = i + 1;
                    while (true)
                    {
                        if (j >= end) return -1;
                        if (text[j] == (byte)'"')
                        {
                            if (j + 1 < end && text[j + 1] == (byte)'"') j += 2;
                            else break;
                        }
                        else
                        {
                            j++;
                        }
                    }
                    starts[count] = i + 1;
                    ends[count] = j;
                    count++;
                    i = j + 1;
                    if (i == end) return count;
                    if (text[i] != delimiter) return -1;
                    i++;
                    continue;
                }
                int k = i;
                while (k < end && text[k] != delimiter)
                {
                    if (quoted && text[k] == (byte)'"') return -1;
                    k++;
                }
                starts[count] = i;
                ends[count] = k;
                count++;
                if (k == end) return count;
                i = k + 1;
            }
        }

        [Fact]
        public void LineReaderTellsAnUnterminatedLastLineAndSkipsTooLongLines()
        {
            string tooLong = new string('x', LineReader.MaxLineLength + 10);
            var lines = new LineReader(Utf8("one\r\ntwo\n" + tooLong + "\nthree"));
            string? Next(out LineEnd end) => lines.Read(out end) ? Encoding.UTF8.GetString(lines.Buffer, lines.Start, lines.Length) : null;
            Assert.Equal("one", Next(out LineEnd end));
            Assert.Equal(LineEnd.Break, end);
            Assert.Equal("two", Next(out end));
            Assert.Equal(string.Empty, Next(out end));
            Assert.Equal(LineEnd.TooLong, end);
            Assert.Equal("three", Next(out end));
            Assert.Equal(LineEnd.EndOfFile, end);
            Assert.Equal(4, lines.LineNumber);
            Assert.Null(Next(out _));
        }

        [Theory]
        [InlineData("2026-11-27T10:00:01.123Z", "", "2026-11-27T10:00:01.1230000Z")]
        [InlineData("2026-11-27T10:00:01Z", "de-DE", "2026-11-27T10:00:01.0000000Z")]
        [InlineData("2026-11-27T10:00:01.1234567Z", "", "2026-11-27T10:00:01.1234567Z")]
        [InlineData("2026-11-27T12:00:01+02:00", "en-GB", "2026-11-27T10:00:01.0000000Z")]
        [InlineData("2026-05-11 10:00:01", "en-GB", "2026-05-11T10:00:01.0000000Z")]
        [InlineData("11/27/2026 10:00:01 AM", "", "2026-11-27T10:00:01.0000000Z")]
        [InlineData("27.11.2026 09:14:03", "de-DE", "2026-11-27T09:14:03.0000000Z")]
        [InlineData("27/11/2026 09:14:03", "en-GB", "2026-11-27T09:14:03.0000000Z")]
        [InlineData("11/27/2026 10:00:01 AM", "en-US", "2026-11-27T10:00:01.0000000Z")]
        public void ReadsTimestampsAsUtc(string text, string culture, string expected)
        {
            Assert.Equal(LogTimeReading.Read, Read(text, new LogTimeCultures(null, new CultureInfo(culture)), out DateTime value));
            Assert.Equal(DateTimeKind.Utc, value.Kind);
            Assert.Equal(expected, value.ToString("o"));
        }

        [Theory]
        [InlineData("05/11/2026 10:00:00", "en-GB", "Ambiguous")]
        [InlineData("05.11.2026 09:14:03", "de-DE", "Ambiguous")]
        [InlineData("27.11.2026 09:14:03", "", "Unreadable")]
        [InlineData("27.11.2026 09:14:03", "en-US", "Unreadable")]
        [InlineData("2026-02-30T10:00:01Z", "de-DE", "Unreadable")]
        [InlineData("not a time", "", "Unreadable")]
        [InlineData("  ", "de-DE", "None")]
        public void LeavesEmptyATimeThatReadsTwoWaysOrNotAtAll(string text, string culture, string expected)
        {
            Assert.Equal(Enum.Parse(typeof(LogTimeReading), expected), Read(text, new LogTimeCultures(null, new CultureInfo(culture)), out _));
        }

        [Fact]
        public void ReadsOnlyTheGivenCultureWhenOneIsGiven()
        {
            var britishFile = new LogTimeCultures(new CultureInfo("en-GB"), new CultureInfo("en-US"));
            Assert.Equal(LogTimeReading.Read, Read("05/11/2026 10:00:00", britishFile, out DateTime value));
            Assert.Equal(new DateTime(2026, 11, 5, 10, 0, 0, DateTimeKind.Utc), value);
            Assert.Equal("ISO 8601 or en-GB", britishFile.ToString());
            Assert.Equal("ISO 8601, de-DE or the invariant culture", new LogTimeCultures(null, new CultureInfo("de-DE")).ToString());
            MessageAssert.Names(LogTimestamp.Describe("05/11/2026 10:00:00", new LogTimeCultures(null, new CultureInfo("en-GB"))),
                "'05/11/2026 10:00:00'", "2026-11-05 10:00:00Z in en-GB", "2026-05-11 10:00:00Z in the invariant culture");
        }

        [Fact]
        public void WarnsOnceAFileForTimesThatReadTwoWaysOrNotAtAllAndWhenTheWindowLeavesOutEveryLine()
        {
            const string export = "\"Received\",\"client_ip\"\n\"05/11/2026 10:00:00\",\"203.0.113.9\"\n\"27/11/2026 10:00:00\",\"40.92.1.1\"\n" +
                "\"06/11/2026 10:00:00\",\"40.92.1.2\"\n\"yesterday\",\"40.92.1.3\"\n";
            var british = new LogTimeCultures(null, new CultureInfo("en-GB"));
            var options = new LogReadOptions(null, null, LogSide.Both, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), null, british);
            var reader = new LogFileReader("export.csv", options, Index, new RecordList("export.csv"));
            reader.Read(Utf8(export), CancellationToken.None);
            LogFileCounts counts = reader.Counts;
            Assert.True(counts.AddUp);
            Assert.Equal(4, counts.NotInTimeWindow);
            MessageAssert.Names(counts.AmbiguousTimeWarning()!, "AmbiguousLogTimes", "'export.csv': 2 times", "line 2: '05/11/2026 10:00:00'",
                "2026-11-05 10:00:00Z in en-GB", "2026-05-11 10:00:00Z in the invariant culture", "-Culture");
            MessageAssert.Names(counts.UnreadableTimeWarning()!, "UnreadableLogTimes", "'export.csv': 1 time", "line 5: 'yesterday'", "ISO 8601, en-GB or the invariant culture", "-Culture");
            MessageAssert.Names(counts.AllLeftOutWarning()!, "AllLogLinesLeftOut", "'export.csv': -Start/-End", "every line (4)", "1 outside",
                "2026-11-27 10:00:00Z to 2026-11-27 10:00:00Z", "3 without a time");

            // Without a window the times are still read (they are not Exchange's form), and the records keep the readable one.
            var sink = new RecordList("export.csv");
            reader = new LogFileReader("export.csv", new LogReadOptions(null, null, LogSide.Both, timeCultures: british), Index, sink);
            reader.Read(Utf8(export), CancellationToken.None);
            Assert.Equal(2, reader.Counts.AmbiguousTimes);
            Assert.Equal(1, reader.Counts.UnreadableTimes);
            Assert.Null(reader.Counts.AllLeftOutWarning());
            Assert.Equal(new DateTime?[] { null, new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc), null, null }, sink.Records.Select(r => r.Timestamp));
        }

        private static LogTimeReading Read(string text, LogTimeCultures cultures, out DateTime value)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            return LogTimestamp.Read(bytes, 0, bytes.Length, cultures, out value);
        }

        internal static (LogFileCounts, LogSummaryBuilder) Summarize(string log)
        {
            var summary = new LogSummaryBuilder(0, Index.NotEop);
            var reader = new LogFileReader("test.log", new LogReadOptions(null, null, LogSide.Both), Index, summary);
            reader.Read(Utf8(log), CancellationToken.None);
            Assert.True(reader.Counts.AddUp);
            return (reader.Counts, summary);
        }

        private static List<EopLogRecord> Records(string log, LogSide side) => Records(log, new LogReadOptions(null, null, side));

        private static List<EopLogRecord> Records(string log, LogReadOptions options)
        {
            var sink = new RecordList("test.log");
            var reader = new LogFileReader("test.log", options, Index, sink);
            reader.Read(Utf8(log), CancellationToken.None);
            Assert.True(reader.Counts.AddUp);
            return sink.Records;
        }

        private static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

        private static AddressTally Tally(LogSummaryBuilder summary, string address) =>
            summary.Addresses.Single(pair => pair.Key.ToString() == address).Value;

        internal static string Tracking(string time, string client, string host, string original, string subject) => string.Join(",",
            time, client, host, "10.0.0.5", "EX01", "08DD0001;250 2.0.0 OK", "EX01\\Default Frontend EX01", "SMTP", "RECEIVE", "1234",
            "<m1@contoso.com>", "6f0e1a2b-0000-0000-0000-000000000001", "rcpt@contoso.com", string.Empty, "5120", "1", string.Empty, string.Empty,
            subject, "sender@fabrikam.com", "sender@fabrikam.com", string.Empty, "Incoming", string.Empty, original, string.Empty, string.Empty,
            "Email", "1", "15.02.1544.004");

        /// <summary>Gives its text, then fails as a file on a vanished share does.</summary>
        private sealed class FailingStream : MemoryStream
        {
            public FailingStream(string text)
                : base(Encoding.UTF8.GetBytes(text))
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int read = base.Read(buffer, offset, count);
                if (read == 0) throw new IOException("The network name is no longer available.");
                return read;
            }
        }
    }
}
