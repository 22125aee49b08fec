using System.Text;

namespace EopTools.Tests
{
    /// <summary>
    /// The crafted inputs of issue 15 that made a reader grow faster than its input, each scaled to about
    /// <paramref name="bytes"/>. Shared by the tests (which must simply finish) and bench/Measure-Readers.ps1.
    /// </summary>
    public static class HostileInputs
    {
        public const int OneMegabyte = 1024 * 1024;

        public const string ValidRow = "| 192.0.2.0/24 |";

        private const string Heading = "## EOP IP address ranges";

        /// <summary>
        /// A table of malformed cells, then as many conflict-marker lines: the cells are reported after the markers but
        /// lie before them, so the warnings arrive in reverse line order.
        /// </summary>
        public static string ReversedWarningsPage(int bytes, out int cells)
        {
            const string cell = "| 1.2.3.4/99 |\n";
            const string marker = "=======\n";
            cells = bytes / (cell.Length + marker.Length);
            var text = new StringBuilder(bytes + 100).Append(Heading).Append('\n').Append(ValidRow).Append('\n');
            for (int i = 0; i < cells; i++) text.Append(cell);
            for (int i = 0; i < cells; i++) text.Append(marker);
            return text.ToString();
        }

        /// <summary>One cell: a range, then the side-by-side page's hidden-source opening repeated and never closed.</summary>
        public static string UnclosedSideBySideCell(int bytes) =>
            Heading + "\n| 192.0.2.0/24" + Repeat("<span class=\"sxs-lookup\"><span>", bytes) + " |\n";

        /// <summary>A valid row, then one cell of '&lt;' only.</summary>
        public static string OpenAngleCell(int bytes) => Heading + "\n" + ValidRow + "\n| " + new string('<', bytes) + " |\n";

        /// <summary>A heading of '&lt;' only before the table's heading.</summary>
        public static string OpenAngleHeading(int bytes) => "## " + new string('<', bytes) + "\n" + Heading + "\n" + ValidRow + "\n";

        /// <summary>A heading of unclosed anchors, each with its name's quote but no closing quote.</summary>
        public static string UnclosedAnchorHeading(int bytes) => "## " + Repeat("<a name=\"x <A\tname=\"", bytes) + "\n" + Heading + "\n" + ValidRow + "\n";

        /// <summary>
        /// An HTML comment of range-like text, counted by the range pattern: runs of groups that almost make an address,
        /// and one range in each <paramref name="ranges"/> unit.
        /// </summary>
        public static string RangeLikeComment(int bytes, out int ranges)
        {
            const string unit = " 1:2:3:4:5:6:7:8:9/ a.1.2.3.4/ 10.0.0.0/8";
            ranges = (bytes + unit.Length - 1) / unit.Length;
            return Heading + "\n" + ValidRow + "\n<!-- " + Repeat(unit, bytes) + " -->\n";
        }

        /// <summary>O365IPAddresses.xml with elements nested inside an address list.</summary>
        public static string DeeplyNestedXml(int bytes, out int depth)
        {
            depth = bytes / "<a></a>".Length;
            return "<?xml version=\"1.0\"?><products updated=\"6/2/2018\"><product name=\"EOP\"><addresslist type=\"IPv4\">" +
                   Repeat("<a>", depth * 3) + Repeat("</a>", depth * 4) +
                   "<address>192.0.2.0/24</address></addresslist></product></products>";
        }

        /// <summary>The baseline of the same size: a page whose table rows are all valid, distinct ranges.</summary>
        public static string BenignPage(int bytes)
        {
            var text = new StringBuilder(bytes + 100).Append(Heading).Append('\n');
            for (uint i = 0; text.Length < bytes; i++) text.Append("| ").Append(10 + (i >> 16)).Append('.').Append((i >> 8) & 0xFF).Append('.').Append(i & 0xFF).Append(".0/24 |\n");
            return text.ToString();
        }

        /// <summary>The XML baseline of the same size: O365IPAddresses.xml with that many EOP addresses.</summary>
        public static string BenignXml(int bytes)
        {
            var text = new StringBuilder(bytes + 100).Append("<?xml version=\"1.0\"?><products updated=\"6/2/2018\"><product name=\"EOP\"><addresslist type=\"IPv4\">\n");
            for (uint i = 0; text.Length < bytes; i++) text.Append("<address>").Append(10 + (i >> 16)).Append('.').Append((i >> 8) & 0xFF).Append('.').Append(i & 0xFF).Append(".0/24</address>\n");
            return text.Append("</addresslist></product></products>").ToString();
        }

        /// <summary>Each crafted input, by the name the benchmark takes, with the benign baseline it is compared with.</summary>
        public static string Create(string name, int bytes) => name switch
        {
            "reversed-warnings" => ReversedWarningsPage(bytes, out _),
            "sxs-unclosed" => UnclosedSideBySideCell(bytes),
            "angle-cell" => OpenAngleCell(bytes),
            "angle-heading" => OpenAngleHeading(bytes),
            "anchor-heading" => UnclosedAnchorHeading(bytes),
            "rangelike-comment" => RangeLikeComment(bytes, out _),
            "deep-xml" => DeeplyNestedXml(bytes, out _),
            "benign-page" => BenignPage(bytes),
            "benign-xml" => BenignXml(bytes),
            _ => throw new System.ArgumentException("no crafted input named " + name, nameof(name)),
        };

        /// <summary>
        /// Header blocks crafted against the message header reader, each just under its 1 MB cap: a Received: header of
        /// comments opened and never closed, of address literals never closed, of "via" words without end, one of many
        /// hops, an antispam report of many fields, and a Subject of encoded-word openings that never end.
        /// </summary>
        public static string CreateHeaders(string name, int bytes) => name switch
        {
            "unclosed-comments" => "Received: from a.example " + Repeat("(", bytes) + "\nSubject: x\n",
            "unclosed-literals" => "Received: from a.example (" + Repeat("[1.2.3.4 ", bytes) + ")\nSubject: x\n",
            "endless-via" => "Received: from a.example (192.0.2.1) by b.example via" + Repeat(" Frontend", bytes) + "; 1 Jul 2025 10:00:00 +0000\n",
            "many-hops" => Repeat("Received: from a.example (192.0.2.1) by b.example; 1 Jul 2025 10:00:00 +0000\n", bytes),
            "many-report-fields" => "Received: from a.example (192.0.2.1) by x.mail.protection.outlook.com; 1 Jul 2025 10:00:00 +0000\nX-Forefront-Antispam-Report: " + Repeat("K:v;", bytes) + "\n",
            "encoded-word-openings" => "Subject: " + Repeat("=?a?Q?x", bytes) + "\n",
            _ => throw new System.ArgumentException("no crafted header block named " + name, nameof(name)),
        };

        private static string Repeat(string unit, int bytes)
        {
            var text = new StringBuilder(bytes + unit.Length);
            while (text.Length < bytes) text.Append(unit);
            return text.ToString();
        }
    }
}
