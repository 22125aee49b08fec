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
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// Property-based fuzzing of every reader (page, web service JSON, legacy XML, plain text; the log reader on its own
    /// properties): FsCheck generates mutations of real files (the fixtures and the embedded seed; ../shared/data in the
    /// SharedData test) and each mutant is read directly by its format's reader and through format detection.
    /// Properties: the only exception is a <see cref="RangeDataException"/> with one of the module's own error ids, and
    /// an accepted file answers the default queries (Get-EopIpRange's global list, Test-EopIpAddress on its ranges).
    /// Seeded and counted, so a run is reproducible: EOPTOOLS_FUZZ_SEED and EOPTOOLS_FUZZ_COUNT change both for a
    /// longer hunt; a failure prints the mutant's recipe and the seed.
    /// </summary>
    public class ReaderFuzzTests
    {
        public const ulong DefaultSeed = 20261129;
        private const ulong Gamma = 0x9E3779B97F4A7C15;
        private const int DefaultCount = 400;

        /// <summary>Every id a reader may refuse a file with.</summary>
        public static readonly string[] ModuleErrorIds =
        {
            "RangeFileNotFound", "RangeFileUnreadable", "RangePathIsFolder", "RangeFileEmpty", "RangeFileTooLarge", "UnrecognizedRangeFile",
            "NoRangeTable", "NoEopRanges", "NoGlobalRangeList", "InvalidJson", "InvalidXml",
        };

        /// <summary>Markup, separators and values that each format gives meaning to, spliced into the corpus.</summary>
        private static readonly string[] Tokens =
        {
            "|", "||", "| ", "\n", "\r\n", "\r", "<", ">", "<br/>", "<!--", "-->", "```", "**", "`", "#", "## ", "---\n",
            "## EOP IP address ranges\n", "## IP Ranges by region\n", "|**Americas** |**EMEA** |**APAC** |\n", "|:-----|:-----|\n",
            "<span class=\"sxs-lookup\"><span>", "</span></span>", "<a name=\"eop-ip-address-ranges\"></a>", "=======\n", "<<<<<<< HEAD\n",
            "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\"ips\":[\"192.0.2.0/24\"]", "\"tcpPorts\":\"25\"", "\"serviceArea\":\"Exchange\"",
            "<?xml version=\"1.0\"?>", "<products>", "<product name=\"EOP\">", "<addresslist type=\"IPv6\">", "<address>", "</address>",
            "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "&amp;", "<![CDATA[10.0.0.0/8]]>",
            "/", "//", "/24", "/128", "/0", "%", "%eth0", "::", ":::", ".", "0", "00", "255", "256", "ffff", "::ffff:", "1.2.3.4", "10.0.0.0/8",
            "2001:db8::/32", "2a01:111:f403::/48", "0.0.0.0/0", "::/0", "40.92.0.0/14", "1.2.3.4/99", "::ffff:1.2.3.4/120",
            "\u00A0", "\uFEFF", "\u2028", "\t", " ", "\0", "\uD800", "\uDFFF", "é",
            "#Fields: date-time,remote-endpoint\n", "#Fields: date time c-ip\n", ",,", "\"\"", "[2001:db8::1]:25", "999.1.1.1:25", "-",
        };

        private static readonly Lazy<HashSet<string>> KnownIds = new Lazy<HashSet<string>>(() => new HashSet<string>(ModuleErrorIds, StringComparer.Ordinal));

        [Fact]
        public void KeepsToItsErrorIdsAndAnswersTheDefaultQueriesOnMutatedFixtures()
        {
            var corpus = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures")).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
            corpus.Add(("embedded seed", EopSession.ReadSeedText()));
            Fuzz(corpus);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void KeepsToItsErrorIdsAndAnswersTheDefaultQueriesOnMutatedRealFiles()
        {
            var corpus = Directory.GetFiles(TestPaths.SharedData, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
                .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal) && !f.EndsWith("INDEX.md", StringComparison.Ordinal))
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
            Fuzz(corpus);
        }

        [Fact]
        public void LogReaderCountsEveryLineAndKeepsToItsErrorIdsOnMutatedLogs()
        {
            var corpus = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "records")).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
            corpus.Add(("restarted protocol log", LogReaderTests.ProtocolLog));
            Fuzz(corpus, CheckLog);
        }

        [Fact]
        public void AMutatedLogReadInPartsSaysWhatTheWholeLogSays()
        {
            var corpus = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "records")).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
            corpus.Add(("restarted protocol log", LogReaderTests.ProtocolLog));
            Fuzz(corpus, CheckLogInParts);
        }

        [Fact]
        public void HeaderReaderKeepsToItsErrorIdsAndReadsEveryHopOfMutatedMessages()
        {
            var corpus = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "headers")).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
            Fuzz(corpus, CheckHeaders);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void HeaderReaderKeepsToItsErrorIdsAndReadsEveryHopOfMutatedRealMessages()
        {
            var corpus = Directory.GetFiles(TestPaths.Shared("third-party-headers"), "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
                .Where(f => f.EndsWith(".eml", StringComparison.Ordinal) || f.EndsWith(".hdr", StringComparison.Ordinal))
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
            Fuzz(corpus, CheckHeaders);
        }

        [Theory]
        [InlineData("\n## EOP IP address ranges\n|", "NoRangeTable")]
        [InlineData("<products><product name=\"EOP\"><addresslist type=\"IPv4\"><address>1.2.3.4/99</address></addresslist></product></products>", "NoEopRanges")]
        [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"1.2.3.4\">]><products/>", "InvalidXml")]
        [InlineData("[{\"serviceArea\":\"Exchange\",\"tcpPorts\":\"25\",\"ips\":[\"\\uD800\"]}]", "NoEopRanges")]
        public void RefusesWhatTheFuzzerBuildsWithTheModulesIds(string text, string errorId)
        {
            var error = Assert.Throws<RangeDataException>(() => RangeFileReader.ReadText(text, "fuzz"));
            Assert.Equal(errorId, error.ErrorId);
        }

        private static void Fuzz(List<(string Name, string Text)> corpus) => Fuzz(corpus, Check);

        private static void Fuzz(List<(string Name, string Text)> corpus, Action<Mutant> check)
        {
            ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("EOPTOOLS_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s : DefaultSeed;
            int count = int.TryParse(Environment.GetEnvironmentVariable("EOPTOOLS_FUZZ_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out int c) ? c : DefaultCount;
            Gen<Mutant> mutants =
                from file in Gen.Choose(0, corpus.Count - 1)
                from other in Gen.Choose(0, corpus.Count - 1)
                from stepCount in Gen.Choose(1, 8)
                from steps in MutationGen.ArrayOf(stepCount)
                select new Mutant(corpus[file], corpus[other], steps);
            Prop.ForAll(Arb.From(mutants), check)
                .Check(Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(seed, Gamma).WithQuietOnSuccess(true));
        }

        private static Gen<Mutation> MutationGen =>
            from kind in Gen.Choose(0, 5)
            from at in Gen.Choose(0, int.MaxValue - 1)
            from length in Gen.Choose(0, 64)
            from token in Gen.Elements(Tokens)
            from times in Gen.Choose(1, 2000)
            select new Mutation((MutationKind)kind, at, length, token, times);

        /// <summary>The properties, for one mutant: read by its own format's reader and by detection.</summary>
        private static void Check(Mutant mutant)
        {
            string text = mutant.Apply();
            foreach (Func<string, RangeData> reader in ReadersFor(mutant.Base.Text))
            {
                RangeData data;
                try
                {
                    data = reader(text);
                }
                catch (RangeDataException e)
                {
                    Assert.True(KnownIds.Value.Contains(e.ErrorId), "foreign error id " + e.ErrorId + " for " + mutant);
                    continue;
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException("escaped " + e.GetType().FullName + " for " + mutant + ": " + e);
                }
                AnswersTheDefaultQueries(data, mutant);
            }
        }

        /// <summary>
        /// The log reader's properties for one mutant: it ends with counts that add up, or refuses the file with one of its
        /// header error ids; every record's properties can be read, and its answer is the index's for its address.
        /// </summary>
        private static void CheckLog(Mutant mutant)
        {
            byte[] text = Encoding.UTF8.GetBytes(mutant.Apply());
            foreach (bool summary in new[] { false, true })
            {
                var records = new RecordList("fuzz.log");
                LogSink sink = summary ? new LogSummaryBuilder(0, LogReaderTests.Index.NotEop) : records;
                var reader = new LogFileReader("fuzz.log", new LogReadOptions(null, null, LogSide.Both), LogReaderTests.Index, sink);
                try
                {
                    reader.Read(new MemoryStream(text), CancellationToken.None);
                    Assert.True(reader.Counts.AddUp, "counts that do not add up for " + mutant + ": " + reader.Counts);
                }
                catch (LogFileException e)
                {
                    Assert.True(e.ErrorId == "LogFileHasNoHeader" || e.ErrorId == "LogFileHasNoAddressField", "foreign error id " + e.ErrorId + " for " + mutant);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException("escaped " + e.GetType().FullName + " for " + mutant + ": " + e);
                }
                foreach (EopLogRecord record in records.Records)
                {
                    Assert.NotNull(record.Line);
                    Assert.True(record.Values.Contains(record.Field), "no value for the address field in " + record.Line + " for " + mutant);
                    Assert.Equal(LogReaderTests.Index.Answer(IpAddressValue.FromIPAddress(record.IPAddress), null).Range, record.Range);
                    Assert.NotNull(record.ToString());
                }
            }
        }

        /// <summary>
        /// The header reader's properties for one mutant, read from bytes (as a file is) and as text: the only exception is
        /// a HeaderReadException with one of its ids; an accepted block has a verdict with a reason, one hop per Received:
        /// header numbered in travel order, stamps trusted only below a hop that Microsoft held, and results that print.
        /// </summary>
        private static void CheckHeaders(Mutant mutant)
        {
            string text = mutant.Apply();
            var ids = new[] { "MessageHeaderNotFound", "MessageHeaderTooLarge", "MessageFileNotText", "MessageFileEmpty", "MessageFileIsOutlookMsg" };
            string fromBytes;
            try
            {
                fromBytes = EopTools.Headers.HeaderFileReader.ReadHeaderText(new MemoryStream(Encoding.UTF8.GetBytes(text)), "fuzz");
            }
            catch (EopTools.Headers.HeaderReadException e)
            {
                Assert.True(ids.Contains(e.ErrorId), "foreign error id " + e.ErrorId + " for " + mutant);
                fromBytes = text;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException("escaped " + e.GetType().FullName + " from the file reader for " + mutant + ": " + e);
            }
            foreach (string candidate in new[] { text, fromBytes })
            {
                EopMessageHeaderResult result;
                EopTools.Headers.HeaderBlock block;
                try
                {
                    block = EopTools.Headers.HeaderBlock.Parse(candidate, "fuzz");
                    result = new EopTools.Headers.RouteAnalyzer(EopSession.Seed, EopTools.Headers.RouteOptions.None).Analyze(block, "fuzz", null);
                }
                catch (EopTools.Headers.HeaderReadException e)
                {
                    Assert.True(ids.Contains(e.ErrorId), "foreign error id " + e.ErrorId + " for " + mutant);
                    continue;
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException("escaped " + e.GetType().FullName + " for " + mutant + ": " + e);
                }
                int received = block.Fields.Count(f => string.Equals(f.Name, "Received", StringComparison.OrdinalIgnoreCase));
                Assert.Equal(Enumerable.Range(1, received), result.Hops.Select(h => h.Number));
                Assert.False(string.IsNullOrEmpty(result.Reason), "no reason for " + mutant);
                bool held = result.Hops.Any(h => h.IsConfirmedMicrosoft365 || h.IsEop);
                Assert.True(held || result.Stamps.All(s => s.Trust != EopStampTrust.Trusted), "a trusted stamp with no Microsoft hop for " + mutant);
                Assert.NotNull(result.ToString());
                foreach (EopMessageHop hop in result.Hops) Assert.NotNull(hop.ToString());
                foreach (EopMessageStamp stamp in result.Stamps) Assert.NotNull(stamp.ToString());
            }
        }

        /// <summary>Read whole on one thread, and in 2 to 40 parts on two: everything the run says is the same, summary and records.</summary>
        private static void CheckLogInParts(Mutant mutant)
        {
            byte[] text = Encoding.UTF8.GetBytes(mutant.Apply());
            string path = Path.Combine(Path.GetTempPath(), "eoptools-fuzz-" + Guid.NewGuid().ToString("N") + ".log");
            File.WriteAllBytes(path, text);
            try
            {
                // The number of parts follows from the mutant, so that a failure replays with its seed.
                long partBytes = Math.Max(1, text.Length / (2 + text.Length % 39));
                Assert.Equal(LogSearchTests.DescribeSummary(new[] { path }, 1, 0), LogSearchTests.DescribeSummary(new[] { path }, 2, partBytes));
                Assert.Equal(LogSearchTests.DescribeRecords(new[] { path }, 1, 1L << 40), LogSearchTests.DescribeRecords(new[] { path }, 2, partBytes));
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static IEnumerable<Func<string, RangeData>> ReadersFor(string original)
        {
            yield return text => RangeFileReader.ReadText(text, "fuzz");
            if (EndpointsJsonParser.LooksLikeJson(original)) yield return text => EndpointsJsonParser.Parse(text, "fuzz");
            else if (LegacyXmlParser.LooksLikeXml(original)) yield return text => LegacyXmlParser.Parse(text, "fuzz");
            else if (PlainTextParser.LooksLikePlainText(original)) yield return text => PlainTextParser.Parse(text, "fuzz");
            else yield return text => EopPageParser.Parse(text, "fuzz");
        }

        /// <summary>An accepted file has a global list, and each of its ranges is found by a lookup of its own addresses.</summary>
        private static void AnswersTheDefaultQueries(RangeData data, object what)
        {
            var index = new RangeIndex(data);
            Assert.True(index.HasTable(EopRegion.Global), "no global list in an accepted file: " + what);
            Assert.NotEmpty(data.Ranges);
            foreach (EopIpRange range in data.Ranges.Where(r => r.Region == EopRegion.Global))
            {
                IpPrefix prefix = TestData.Prefix(range.Prefix);
                EopIpRange? first = index.Answer(new IpAddressValue(prefix.Family, prefix.First), null).Range;
                EopIpRange? last = index.Answer(new IpAddressValue(prefix.Family, prefix.Last), null).Range;
                Assert.True(first != null && last != null, range.Prefix + " not found by its own addresses: " + what);
            }
            Assert.All(data.Diagnostics, d => Assert.True(d.Line >= 1, "diagnostic without a line: " + d + " for " + what));
        }

        private enum MutationKind
        {
            Insert,
            Delete,
            Replace,
            Duplicate,
            Repeat,
            Splice,
        }

        private sealed class Mutation
        {
            public Mutation(MutationKind kind, int at, int length, string token, int times)
            {
                Kind = kind;
                At = at;
                Length = length;
                Token = token;
                Times = times;
            }

            public MutationKind Kind { get; }

            public int At { get; }

            public int Length { get; }

            public string Token { get; }

            public int Times { get; }

            public void Apply(StringBuilder text, string other)
            {
                int at = text.Length == 0 ? 0 : At % (text.Length + 1);
                int length = Math.Min(Length, text.Length - at);
                switch (Kind)
                {
                    case MutationKind.Insert:
                        text.Insert(at, Token);
                        break;
                    case MutationKind.Delete:
                        text.Remove(at, length);
                        break;
                    case MutationKind.Replace:
                        text.Remove(at, length).Insert(at, Token);
                        break;
                    case MutationKind.Duplicate:
                        text.Insert(at, text.ToString(at, length));
                        break;
                    case MutationKind.Repeat:
                        // Long runs of one token: where a reader could grow faster than its input.
                        text.Insert(at, new StringBuilder(Token.Length * Times).Insert(0, Token, Times).ToString());
                        break;
                    default:
                        int from = other.Length == 0 ? 0 : At % other.Length;
                        text.Insert(at, other.Substring(from, Math.Min(Length * 8, other.Length - from)));
                        break;
                }
            }

            public override string ToString() =>
                string.Format(CultureInfo.InvariantCulture, "{0}(at {1}, length {2}, '{3}' x{4})", Kind, At, Length, Token, Times);
        }

        private sealed class Mutant
        {
            public Mutant((string Name, string Text) file, (string Name, string Text) other, Mutation[] steps)
            {
                Base = file;
                Other = other;
                Steps = steps;
            }

            public (string Name, string Text) Base { get; }

            public (string Name, string Text) Other { get; }

            public Mutation[] Steps { get; }

            public string Apply()
            {
                var text = new StringBuilder(Base.Text);
                foreach (Mutation step in Steps) step.Apply(text, Other.Text);
                return text.ToString();
            }

            public override string ToString() => Base.Name + " with " + string.Join(", ", Steps.Select(s => s.ToString())) + " (splicing from " + Other.Name + ")";
        }
    }
}
