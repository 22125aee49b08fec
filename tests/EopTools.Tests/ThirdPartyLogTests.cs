using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EopTools.Logs;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// What each log file written by other projects (../shared/data/third-party-logs, see its PROVENANCE.md) reads to:
    /// its records (runs of consecutive lines with the same address and field: lines, address, field, first..last
    /// time), its warnings, its errors (id and line) and its counts, as Search-EopLog -Side Both says them.
    /// </summary>
    [Trait("Category", "SharedData")]
    public sealed class ThirdPartyLogTests
    {
        /// <summary>An Exchange 2010 tracking log (26 fields) with a UTF-8 byte order mark and CRLF: the header is read, and its two rows have no address.</summary>
        [Fact]
        public void AnExchange2010TrackingLogWithAByteOrderMarkAndCrlfReadsItsHeaderAndHasNoAddress() => AssertReads("elastic-beats/bom8.log",
                "Verbose: 'elastic-beats/bom8.log' (Message Tracking Log): 7 lines read = 5 headers, comments or blank + 0 malformed + 2 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>IIS 7.5 with addresses pasted as Markdown links: the one in c-ip is not an address, and is said so; the full-form IPv6 reads.</summary>
        [Fact]
        public void AnIisLogWithMarkdownLinksForAddressesTellsTheFirstAndReadsFullFormIPv6() => AssertReads("elastic-beats/test-iis-7.5.log",
                "6-7 10.0.140.2 c-ip 2019-03-06T18:43:17.000Z..2019-03-06T18:43:17.000Z",
                "8 2001:cdba::3257:9652 c-ip 2019-03-06T18:43:17.000Z",
                "Warning: 'elastic-beats/test-iis-7.5.log': 1 line had an address field that is not an address, the first on line 5: '[10.100.118.31](http://10.100.118.31)' in c-ip (unexpected text after the address).",
                "Verbose: 'elastic-beats/test-iis-7.5.log' (W3C log (IIS)): 8 lines read = 4 headers, comments or blank + 0 malformed + 0 without an address + 1 not an address + 3 answered (0 EOP, 3 not EOP).");

        /// <summary>Three header blocks of 15, 19 and 22 fields: each row is read by the block above it, and the last two rows, of 15 fields under the 22-field header, are skipped and counted.</summary>
        [Fact]
        public void AnIisLogWithThreeHeaderBlocksFollowsEachAndSkipsTheRowsThatDoNotFitTheLast() => AssertReads("elastic-beats/test.log",
                "5 81.2.69.143 c-ip 2018-01-01T08:09:10.000Z",
                "10 127.0.0.1 c-ip 2018-01-01T09:10:11.000Z",
                "15 81.2.69.143 c-ip 2018-01-01T10:11:12.000Z",
                "Warning: 'elastic-beats/test.log': skipped 2 malformed lines, the first on line 16 (15 fields where its header has 22).",
                "Verbose: 'elastic-beats/test.log' (W3C log (IIS)): 17 lines read = 12 headers, comments or blank + 2 malformed + 0 without an address + 0 not an address + 3 answered (0 EOP, 3 not EOP).");

        /// <summary>Only a #Fields line, no #Software, #Version or #Date: enough.</summary>
        [Fact]
        public void AnIisLogWithOnlyAFieldsLineIsRead() => AssertReads("elastic-beats/w3svc-test.log",
                "2 247.145.154.60 c-ip 2017-11-20T06:05:07.000Z",
                "3 247.145.154.98 c-ip 2017-11-20T10:43:18.000Z",
                "Verbose: 'elastic-beats/w3svc-test.log' (W3C log (IIS)): 3 lines read = 1 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 2 answered (0 EOP, 2 not EOP).");

        /// <summary>One SMTP Receive row without a header: refused, with the way out (-Header).</summary>
        [Fact]
        public void AHeaderlessReceiveRowIsRefusedForItsHeader() => AssertReads("elastic-integrations/SmtpRecive.log",
                "Error LogFileHasNoHeader on line 1",
                "Verbose: 'elastic-integrations/SmtpRecive.log' (no header): 1 lines read = 0 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>One SMTP Send row without a header: refused, as above.</summary>
        [Fact]
        public void AHeaderlessSendRowIsRefusedForItsHeader() => AssertReads("elastic-integrations/smtp_SmtpSend.log",
                "Error LogFileHasNoHeader on line 1",
                "Verbose: 'elastic-integrations/smtp_SmtpSend.log' (no header): 1 lines read = 0 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>One IIS row without a header: refused, as above.</summary>
        [Fact]
        public void AHeaderlessIisRowIsRefusedForItsHeader() => AssertReads("elastic-integrations/test-ipv6zone.log",
                "Error LogFileHasNoHeader on line 1",
                "Verbose: 'elastic-integrations/test-ipv6zone.log' (no header): 1 lines read = 0 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>Tracking rows without a header: refused, as above.</summary>
        [Fact]
        public void HeaderlessTrackingRowsAreRefusedForTheirHeader() => AssertReads("elastic-integrations/test-messagetracking.log",
                "Error LogFileHasNoHeader on line 1",
                "Verbose: 'elastic-integrations/test-messagetracking.log' (no header): 1 lines read = 0 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>An Exchange 2013 tracking log of 27 fields: the original client is read where it is, and the row without one has no address.</summary>
        [Fact]
        public void AnExchange2013TrackingLogOf27FieldsReadsItsOriginalClient() => AssertReads("kinesis-agent-windows/ExchangeLogParserTest.TestExchangeLogRecord.MSGTRK.log",
                "6 10.25.10.214 original-client-ip 2017-05-22T17:33:35.632Z",
                "Verbose: 'kinesis-agent-windows/ExchangeLogParserTest.TestExchangeLogRecord.MSGTRK.log' (Message Tracking Log): 7 lines read = 5 headers, comments or blank + 0 malformed + 1 without an address + 0 not an address + 1 answered (0 EOP, 1 not EOP).");

        /// <summary>HTTP.SYS, with "// comment" text after the #Version and #Date values and c-ip third: read.</summary>
        [Fact]
        public void AnHttpSysLogWithCommentsAfterItsHeaderValuesIsRead() => AssertReads("lnav/logfile_w3c.0",
                "5 172.22.255.255 c-ip 2002-05-02T17:42:15.000Z",
                "Verbose: 'lnav/logfile_w3c.0' (W3C log (IIS)): 5 lines read = 4 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 1 answered (0 EOP, 1 not EOP).");

        /// <summary>IIS Advanced Logging: blank lines in the header, runs of spaces in #Fields, quoted values with spaces and "" in them, a quoted c-ip. Every row fits its 16 fields; the one with c-ip "-" has no address. Its times are local (date-local, time-local), so no record has a time.</summary>
        [Fact]
        public void AnIisAdvancedLoggingLogWithQuotedValuesIsRead() => AssertReads("lnav/logfile_w3c.3",
                "8 70.95.0.0 c-ip no time",
                "10 173.5.0.0 c-ip no time",
                "Verbose: 'lnav/logfile_w3c.3' (W3C log (IIS)): 10 lines read = 7 headers, comments or blank + 0 malformed + 1 without an address + 0 not an address + 2 answered (0 EOP, 2 not EOP).");

        /// <summary>A #Fields line of 6 names without c-ip (the row has 17 values): refused for its header.</summary>
        [Fact]
        public void AnIisHeaderWithoutAnAddressFieldIsRefused() => AssertReads("lnav/logfile_w3c.5",
                "Error LogFileHasNoAddressField on line 1",
                "Verbose: 'lnav/logfile_w3c.5' (no header): 1 lines read = 1 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>IIS 8.5 with non-ASCII UTF-8 and a backslash in the user agent: read.</summary>
        [Fact]
        public void AnIisLogWithNonAsciiUserAgentIsRead() => AssertReads("lnav/logfile_w3c.6",
                "5 157.55.39.146 c-ip 2015-01-13T00:32:17.000Z",
                "Verbose: 'lnav/logfile_w3c.6' (W3C log (IIS)): 5 lines read = 4 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 1 answered (0 EOP, 1 not EOP).");

        /// <summary>IIS 8.5 with eleven identical header blocks: every one of its 210 rows is read.</summary>
        [Fact]
        public void AnIisLogWithElevenRepeatedHeaderBlocksReadsEveryRow() => AssertReads("lnav/logfile_w3c_big.0",
                "5-9 157.55.39.146 c-ip 2015-01-13T00:32:17.000Z..2015-01-13T00:32:17.000Z",
                "10 207.46.13.64 c-ip 2015-01-13T00:32:26.000Z",
                "15 180.111.242.129 c-ip 2015-01-13T02:05:40.000Z",
                "20 66.249.78.6 c-ip 2015-01-13T08:22:18.000Z",
                "21 66.249.64.36 c-ip 2015-01-13T08:22:18.000Z",
                "26 188.120.253.124 c-ip 2015-01-13T09:49:46.000Z",
                "31-32 37.59.20.217 c-ip 2015-01-13T10:16:10.000Z..2015-01-13T10:16:15.000Z",
                "37 188.163.80.167 c-ip 2015-01-13T10:46:33.000Z",
                "42-43 157.55.39.146 c-ip 2015-01-13T12:30:24.000Z..2015-01-13T12:30:30.000Z",
                "48 192.99.149.88 c-ip 2015-01-13T13:00:56.000Z",
                "53 130.211.190.46 c-ip 2015-01-13T16:35:13.000Z",
                "58-249 183.60.244.30 c-ip 2015-01-13T22:29:42.000Z..2015-01-13T22:30:51.000Z",
                "254 188.165.15.50 c-ip 2015-01-13T23:15:41.000Z",
                "Verbose: 'lnav/logfile_w3c_big.0' (W3C log (IIS)): 254 lines read = 44 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 210 answered (0 EOP, 210 not EOP).");

        /// <summary>IIS 10 with #Date, #Fields, #Software, #Version in that order and no final line break: read.</summary>
        [Fact]
        public void AnIisLogWithItsHeaderInAnUnusualOrderIsRead() => AssertReads("plaso/iis10.log",
                "5 222.222.222.222 c-ip 2021-04-01T00:00:21.000Z",
                "Verbose: 'plaso/iis10.log' (W3C log (IIS)): 5 lines read = 4 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 1 answered (0 EOP, 1 not EOP).");

        /// <summary>Exchange 2016 IIS with two spaces between s-port and cs-username on six rows: a run of spaces is one separator, so every row fits its 15 fields.</summary>
        [Fact]
        public void AnIisLogWithRunsOfSpacesReadsEveryRow() => AssertReads("plaso/iis10_edge_cases.log",
                "5-6 ::1 c-ip 2022-01-01T00:01:24.000Z..2022-01-01T00:01:24.000Z",
                "7 10.10.10.10 c-ip 2022-01-01T00:01:24.000Z",
                "8-19 ::1 c-ip 2022-01-01T00:18:46.000Z..2022-01-01T00:01:24.000Z",
                "Verbose: 'plaso/iis10_edge_cases.log' (W3C log (IIS)): 19 lines read = 4 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 15 answered (0 EOP, 15 not EOP).");

        /// <summary>IIS 6 with s-sitename and a trailing space after the last #Fields name: read.</summary>
        [Fact]
        public void AnIis6LogWithATrailingSpaceInItsHeaderIsRead() => AssertReads("plaso/iis6.log",
                "5 10.10.10.100 c-ip 2013-07-30T00:00:00.000Z",
                "6-8 22.22.22.200 c-ip 2013-07-30T00:00:03.000Z..2013-07-30T00:00:03.000Z",
                "9 10.10.10.100 c-ip 2013-07-30T00:00:03.000Z",
                "10-15 22.22.22.200 c-ip 2013-07-30T00:00:05.000Z..2013-07-30T00:00:13.000Z",
                "16 222.222.222.222 c-ip 2015-10-16T13:01:02.000Z",
                "Verbose: 'plaso/iis6.log' (W3C log (IIS)): 16 lines read = 4 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 12 answered (0 EOP, 12 not EOP).");

        /// <summary>IIS 7 (Exchange OWA, EWS, EAS) without #Version or #Date, dates out of order: read in the file's order.</summary>
        [Fact]
        public void AnIis7LogWithoutVersionOrDateIsReadInItsOrder() => AssertReads("plaso/iis7_owa.log",
                "3 77.123.22.98 c-ip 2015-12-31T00:19:48.000Z",
                "4 10.10.5.2 c-ip 2015-12-31T14:40:38.000Z",
                "5 77.123.22.98 c-ip 2015-01-01T22:16:03.000Z",
                "Verbose: 'plaso/iis7_owa.log' (W3C log (IIS)): 5 lines read = 2 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 3 answered (0 EOP, 3 not EOP).");

        /// <summary>IIS 6 without a date field (time only): read, each time on the day of its #Date directive (2013-07-30).</summary>
        [Fact]
        public void AnIisLogWithoutADateFieldTakesTheDayOfItsDateDirective() => AssertReads("plaso/iis_without_date.log",
                "5 10.10.10.100 c-ip 2013-07-30T00:00:00.000Z",
                "6-8 22.22.22.200 c-ip 2013-07-30T00:00:03.000Z..2013-07-30T00:00:03.000Z",
                "9 10.10.10.100 c-ip 2013-07-30T00:00:03.000Z",
                "10-15 22.22.22.200 c-ip 2013-07-30T00:00:05.000Z..2013-07-30T00:00:13.000Z",
                "Verbose: 'plaso/iis_without_date.log' (W3C log (IIS)): 15 lines read = 4 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 11 answered (0 EOP, 11 not EOP).");

        /// <summary>A mailbox submission tracking log with an IPv6 client-ip with a zone id, and invalid IPv6 in server fields that are not read.</summary>
        [Fact]
        public void ATrackingLogWithZoneIdsReadsTheClientAddress() => AssertReads("qazeer-artefacts-help/MSGTRKMS2022091915-1.LOG",
                "6 fe80::1234:5678:4321:1010 client-ip 2022-09-19T15:02:29.339Z",
                "7 95.11.22.33 original-client-ip 2022-09-19T15:02:29.450Z",
                "Verbose: 'qazeer-artefacts-help/MSGTRKMS2022091915-1.LOG' (Message Tracking Log): 7 lines read = 5 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 2 answered (0 EOP, 2 not EOP).");

        /// <summary>An Exchange HttpProxy log (ClientIpAddress is not an address field the reader knows): refused for its header, not misread.</summary>
        [Fact]
        public void AnHttpProxyLogIsRefusedForItsAddressField() => AssertReads("qazeer-artefacts-help/Owa_HttpProxy_2023010602-1.LOG",
                "Error LogFileHasNoAddressField on line 5",
                "Verbose: 'qazeer-artefacts-help/Owa_HttpProxy_2023010602-1.LOG' (no header): 5 lines read = 5 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>An SMTP Receive protocol log with a missing and a repeated sequence number, quoted data with commas and a leading space: every row is read.</summary>
        [Fact]
        public void AReceiveProtocolLogWithRepeatedSequenceNumbersReadsEveryRow() => AssertReads("qazeer-artefacts-help/RECV2023011116-1.LOG",
                "6-21 95.10.20.33 remote-endpoint 2023-01-11T15:59:51.433Z..2023-01-11T16:00:10.644Z",
                "Verbose: 'qazeer-artefacts-help/RECV2023011116-1.LOG' (SMTP Receive Protocol Log): 21 lines read = 5 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 16 answered (0 EOP, 16 not EOP).");

        /// <summary>"# Fields:" with a space after the "#" is not a #Fields directive (IIS never writes it): the file has no header.</summary>
        [Fact]
        public void AnIisLogWithASpaceAfterTheHashIsRefusedForItsHeader() => AssertReads("qazeer-artefacts-help/iis_webshell_example.log",
                "Error LogFileHasNoHeader on line 3",
                "Verbose: 'qazeer-artefacts-help/iis_webshell_example.log' (no header): 3 lines read = 2 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>A tracking log whose #Fields line has 49 names (its tail repeated) for rows of 30: the rows do not fit it, and are skipped and counted.</summary>
        [Fact]
        public void ATrackingLogWithACorruptedFieldsLineSkipsItsRowsAndSaysWhy() => AssertReads("velociraptor/exchange.log",
                "Warning: 'velociraptor/exchange.log': skipped 2 malformed lines, the first on line 6 (30 fields where its header has 49). The last line (7) is incomplete: the log was still being written.",
                "Verbose: 'velociraptor/exchange.log' (Message Tracking Log): 7 lines read = 5 headers, comments or blank + 2 malformed + 0 without an address + 0 not an address + 0 answered (0 EOP, 0 not EOP).");

        /// <summary>Exchange IIS 10 with a ProxyShell probe and a user agent with quotes inside it (not a quoted value): every row is read.</summary>
        [Fact]
        public void AnIisLogWithQuotesInsideAUserAgentIsRead() => AssertReads("velociraptor/iis.log",
                "5-6 ::1 c-ip 2021-10-09T00:00:01.000Z..2021-10-09T00:00:01.000Z",
                "7 1.1.1.1 c-ip 2021-10-09T02:24:04.000Z",
                "8 13.12.11.10 c-ip 2021-07-15T08:07:36.000Z",
                "Verbose: 'velociraptor/iis.log' (W3C log (IIS)): 8 lines read = 4 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 4 answered (0 EOP, 4 not EOP).");

        [Fact]
        public void QuotedAndSpacedValuesReadAsTheirText()
        {
            List<EopLogRecord> advanced = Records("lnav/logfile_w3c.3");
            Assert.Equal("173.5.0.0", advanced[1].Values["c-ip"]);
            Assert.Equal(" \"garbage\" w/ spaces ", advanced[1].Values["sc-substatus"]);
            Assert.Equal("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/37.0.2062.124 Safari/537.36", advanced[1].Values["cs(User-Agent)"]);
            Assert.StartsWith("2012-08-15 17:00:00.675 10.10.28.140 GET /hello/world/6,681965 - 80 - \"173.5.0.0\" \"Mozilla", advanced[1].Line);

            EopLogRecord spaced = Records("plaso/iis10_edge_cases.log")[0];
            Assert.Equal(new object[] { "444", "random\\ranuser1", "::1" }, new[] { spaced.Values["s-port"], spaced.Values["cs-username"], spaced.Values["c-ip"] });
        }

        [Fact]
        public void EveryFileOfTheFolderHasItsTest()
        {
            string root = TestPaths.Shared("third-party-logs");
            IEnumerable<string> files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => f.Substring(root.Length + 1).Replace('\\', '/')).Where(f => f != "PROVENANCE.md").OrderBy(f => f, StringComparer.Ordinal);
            string source = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "EopTools.Tests", nameof(ThirdPartyLogTests) + ".cs"));
            IEnumerable<string> tested = Regex.Matches(source, "AssertReads\\(\"([^\"]+)\"").Cast<Match>().Select(m => m.Groups[1].Value).OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(files, tested);
        }

        /// <summary>Reads the file as Search-EopLog -Side Both does, and compares what it says with <paramref name="expected"/>.</summary>
        private static void AssertReads(string relative, params string[] expected)
        {
            Assert.Equal(expected, Read(relative));
        }

        private static List<EopLogRecord> Records(string relative)
        {
            var search = new LogSearch(new[] { TestPaths.Shared(Path.Combine("third-party-logs", relative)) }, new LogReadOptions(null, null, LogSide.Both), LogReaderTests.Index, false, 0);
            using (search)
            {
                search.Start(1);
                return search.Results(TimeSpan.FromMilliseconds(50)).OfType<EopLogRecord>().ToList();
            }
        }

        private static List<string> Read(string relative)
        {
            string root = TestPaths.Shared("third-party-logs");
            string path = Path.Combine(root, relative);
            var search = new LogSearch(new[] { path }, new LogReadOptions(null, null, LogSide.Both), LogReaderTests.Index, false, 0);
            var described = new List<string>();
            EopLogRecord? runStart = null, runEnd = null;
            void EndRun()
            {
                if (runStart == null) return;
                described.Add(runStart == runEnd
                    ? runStart.LineNumber + " " + runStart.IPAddress + " " + runStart.Field + " " + Time(runStart)
                    : runStart.LineNumber + "-" + runEnd!.LineNumber + " " + runStart.IPAddress + " " + runStart.Field + " " + Time(runStart) + ".." + Time(runEnd));
                runStart = null;
            }
            using (search)
            {
                search.Start(1);
                foreach (object? item in search.Results(TimeSpan.FromMilliseconds(50)))
                {
                    if (item is EopLogRecord record)
                    {
                        if (runStart != null && (record.LineNumber != runEnd!.LineNumber + 1 || !Equals(record.IPAddress, runStart.IPAddress) || record.Field != runStart.Field)) EndRun();
                        runStart ??= record;
                        runEnd = record;
                        continue;
                    }
                    EndRun();
                    if (item == null) continue;
                    var message = (LogMessage)item!;
                    // An error by its id and line (its wording is Search-EopLog's tests'); a warning and the counts as said.
                    described.Add(message.Error != null
                        ? "Error " + message.Error.ErrorId + " on line " + message.Error.Line
                        : message.Kind + ": " + message.Text.Replace(path, relative));
                }
            }
            EndRun();
            return described;
        }
        private static string Time(EopLogRecord record) => record.Timestamp?.ToString("yyyy-MM-ddTHH:mm:ss.fffZ") ?? "no time";
    }
}
