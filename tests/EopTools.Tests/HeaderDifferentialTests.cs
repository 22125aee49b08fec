using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EopTools.Headers;
using Xunit;
using Xunit.Abstractions;

namespace EopTools.Tests
{
    /// <summary>
    /// The header reader against MimeKit (test-only oracle): the same header fields, unfolded values, Received: clauses
    /// and dates, on every message of the real corpus (SharedData), the fixtures and generated Received: lines.
    /// </summary>
    public class HeaderDifferentialTests
    {
        private readonly ITestOutputHelper _output;

        public HeaderDifferentialTests(ITestOutputHelper output) => _output = output;

        /// <summary>Where the two readers disagree on a header block; empty when they agree.</summary>
        /// <remarks>
        /// MimeKit ends lines at LF only, so the text is given to it with LF endings (CR-only is this reader's own test).
        /// Comparisons: the header names and unfolded values (white space runs as one), and for every Received: header
        /// that MimeKit parses: from, by, id, for (without its angle brackets), the time as an instant, and the address,
        /// which must be written in one of the from clause's comments or be the from name itself.
        /// </remarks>
        public static List<string> Differences(string text)
        {
            var differences = new List<string>();
            HeaderBlock ours = HeaderBlock.Parse(text, "corpus");
            string lf = text.Replace("\r\n", "\n").Replace('\r', '\n');
            // MimeKit reads an mbox "From " line only in its mbox format, which wants one before every message.
            if (lf.StartsWith("From ", StringComparison.Ordinal)) lf = lf.Substring(lf.IndexOf('\n') + 1);
            MimeKit.HeaderList theirs;
            try
            {
                using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(lf)))
                {
                    theirs = new MimeKit.MimeParser(stream, MimeKit.MimeFormat.Entity).ParseHeaders();
                }
            }
            catch (FormatException)
            {
                // MimeKit refuses a block with a line that is neither a field nor a continuation: this reader must have noted one.
                if (ours.Problems.Count == 0) differences.Add("MimeKit refused the block, this reader noted no problem");
                return differences;
            }
            var names = ours.Fields.Select(f => f.Name + ": " + Squash(f.Value)).ToList();
            // The raw values: Header.Value decodes encoded words, which this reader does for Subject and From only.
            var theirNames = theirs.Select(h => h.Field + ": " + Squash(Encoding.UTF8.GetString(h.RawValue))).ToList();
            if (ours.Problems.Count == 0 && !names.SequenceEqual(theirNames))
            {
                int at = Enumerable.Range(0, Math.Min(names.Count, theirNames.Count)).FirstOrDefault(i => names[i] != theirNames[i]);
                differences.Add("fields differ at " + at + ": " + (at < theirNames.Count ? theirNames[at] : "(none)") + " | " + (at < names.Count ? names[at] : "(none)"));
            }
            foreach (var header in theirs.Where(h => string.Equals(h.Field, "Received", StringComparison.OrdinalIgnoreCase)))
            {
                ReceivedFields fields = ReceivedParser.Parse(header.Value);
                if (!MimeKit.Received.TryParse(header.RawValue, out MimeKit.Received? received) || received == null) continue;
                string value = header.Value;
                Compare(differences, "from", received.From, fields.From, value);
                Compare(differences, "by", received.By, fields.By, value);
                Compare(differences, "id", received.Id, fields.Id, value);
                Compare(differences, "for", received.For?.Trim('<', '>'), fields.For, value);
                DateTime? theirTime = received.DateTime?.UtcDateTime;
                if (theirTime != fields.Time) differences.Add("time: " + theirTime?.ToString("o") + " | " + fields.Time?.ToString("o") + " | " + value);
                if (fields.Address.HasValue && received.From != fields.AddressText)
                {
                    var from = received.Clauses.FirstOrDefault(c => string.Equals(c.Keyword, "from", StringComparison.OrdinalIgnoreCase));
                    bool written = from != null && from.Comments.Any(c => c.IndexOf(fields.AddressText!, StringComparison.OrdinalIgnoreCase) >= 0);
                    if (!written) differences.Add("address: " + fields.AddressText + " is in no comment of the from clause | " + value);
                }
            }
            return differences;
        }

        private static void Compare(List<string> differences, string clause, string? theirs, string? ours, string value)
        {
            if (!string.Equals(string.IsNullOrEmpty(theirs) ? null : theirs, ours, StringComparison.Ordinal)) differences.Add(clause + ": " + theirs + " | " + ours + " | " + value);
        }

        private static string Squash(string value) => string.Join(" ", value.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));

        [Fact]
        [Trait("Category", "SharedData")]
        public void AgreesWithMimeKitOnEveryRealMessage()
        {
            var files = Directory.GetFiles(TestPaths.Shared("third-party-headers"), "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".eml", StringComparison.Ordinal) || f.EndsWith(".hdr", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ToList();
            Assert.Equal(26, files.Count);
            var differences = files.SelectMany(f => Differences(File.ReadAllText(f)).Select(d => Path.GetFileName(f) + ": " + d)).ToList();
            foreach (string difference in differences) _output.WriteLine(difference);
            Assert.Empty(differences);
        }

        [Fact]
        public void AgreesWithMimeKitOnTheFixtures()
        {
            foreach (string file in Directory.GetFiles(TestPaths.Fixture("headers"), "*.eml"))
            {
                Assert.Empty(Differences(File.ReadAllText(file)));
            }
        }

        /// <summary>Received: lines built from the forms real servers write, random in every part, read by both.</summary>
        [Fact]
        public void AgreesWithMimeKitOnGeneratedReceivedLines()
        {
            var random = new Random(20261205);
            string[] hosts = { "mail.contoso.com", "BN2PEPF000044A5.mail.protection.outlook.com", "mx1-eu1.ppe-hosted.com", "relay.example.net", "localhost", "unknown" };
            string[] tcpInfo =
            {
                "({0} [{1}])", "({1})", "([{1}])", "(EHLO {0}) ({1})", "({0} [{1}]:{2})", "([{1}] helo={0})", "(user@[{1}])", "({0} [IPv6:{3}])", "({3})", "([{3}])",
            };
            string[] protocols = { "ESMTP", "ESMTPS", "SMTP", "Microsoft SMTP Server", "HTTPS", "mapi" };
            string[] zones = { "+0000", "-0500", "+0900 (JST)", "(UTC)", "GMT", "-0000", "EST", "+0530" };
            string[] months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
            int compared = 0;
            for (int n = 0; n < 2000; n++)
            {
                string ipv4 = random.Next(1, 224) + "." + random.Next(0, 256) + "." + random.Next(0, 256) + "." + random.Next(1, 255);
                string ipv6 = "2a01:111:f400:" + random.Next(0, 65535).ToString("x") + "::" + random.Next(1, 65535).ToString("x");
                string from = hosts[random.Next(hosts.Length)];
                string info = string.Format(System.Globalization.CultureInfo.InvariantCulture, tcpInfo[random.Next(tcpInfo.Length)], from, ipv4, random.Next(1, 65536), ipv6);
                string by = hosts[random.Next(hosts.Length)];
                string zone = zones[random.Next(zones.Length)];
                if (zone == "(UTC)") zone = "+0000 (UTC)";
                string date = (random.Next(2) == 0 ? "Tue, " : string.Empty) + random.Next(1, 29) + " " + months[random.Next(12)] + " " + random.Next(1990, 2030) + " " +
                    random.Next(0, 24).ToString("00") + ":" + random.Next(0, 60).ToString("00") + (random.Next(4) == 0 ? string.Empty : ":" + random.Next(0, 60).ToString("00")) + " " + zone;
                string id = random.Next(3) == 0 ? string.Empty : " id " + random.Next().ToString("X");
                string recipient = random.Next(3) == 0 ? string.Empty : " for <user" + n + "@contoso.com>";
                string fold = random.Next(2) == 0 ? "\n\t" : " ";
                string line = "Received: from " + from + " " + info + fold + "by " + by + " with " + protocols[random.Next(protocols.Length)].Split(' ')[0] + id + recipient + ";" + fold + date + "\n";
                List<string> differences = Differences(line + "Subject: generated\n\n");
                Assert.True(differences.Count == 0, line + string.Join("\n", differences));
                compared++;
            }
            Assert.Equal(2000, compared);
        }
    }
}
