using System;
using System.IO;
using System.Globalization;
using System.Text;
using System.Xml;

namespace EopTools.Parsing
{
    /// <summary>
    /// Reads the retired O365IPAddresses.xml (products, address lists by type), taking the product "EOP". Bare host
    /// addresses are /32 or /128; zero-padded IPv6 is read and printed canonically. DTDs are refused, so no entity expands.
    /// </summary>
    internal static class LegacyXmlParser
    {
        public const string FormatName = "LegacyXml";

        public static bool LooksLikeXml(string text)
        {
            return TextStart.Is(text, "<?xml") || TextStart.Is(text, "<products", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// The real file nests four deep (products, product, addresslist, address). Deeper nesting is refused: an
        /// XDocument of 100,000 nested elements took minutes to build, and no range file needs it.
        /// </summary>
        private const int MaxDepth = 32;

        // Depths of the elements read: products, product, addresslist, address.
        private const int ProductDepth = 1;
        private const int ListDepth = 2;
        private const int AddressDepth = 3;

        /// <summary>Streams the document once (linear in its size), taking the address lists of the first product named EOP.</summary>
        public static RangeData Parse(string text, string source)
        {
            var builder = new RangeDataBuilder();
            string root;
            DateTime? published;
            bool sawEop;
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
                using (var reader = XmlReader.Create(new StringReader(text), settings))
                {
                    reader.MoveToContent();
                    root = reader.LocalName;
                    published = PublishedDate.Parse(reader.GetAttribute("updated"));
                    // Read to the end whatever the root is: a document that is not well-formed is InvalidXml first.
                    sawEop = ReadEopProduct(reader, root == "products", source, builder);
                }
            }
            catch (XmlException e)
            {
                throw new RangeDataException("InvalidXml", "'" + source + "' is not valid XML: " + e.Message, e);
            }
            if (root != "products")
            {
                throw new RangeDataException("UnrecognizedRangeFile",
                    "'" + source + "' is XML but not O365IPAddresses.xml (its root is <" + root + ">, not <products>).");
            }
            if (!sawEop)
            {
                throw new RangeDataException("NoEopRanges", "'" + source + "' has no product named EOP.");
            }
            if (builder.Count == 0)
            {
                throw new RangeDataException("NoEopRanges", "'" + source + "' lists no EOP address.");
            }
            return builder.Build(source, hasIPv6 => new EopDataSet("O365IPAddresses.xml (EOP)",
                PublishedDate.Version(published), published, source, FormatName, hasIPv6));
        }

        /// <summary>Reads to the end of the document; true when <paramref name="isProducts"/> and it has a product named EOP.</summary>
        private static bool ReadEopProduct(XmlReader reader, bool isProducts, string source, RangeDataBuilder builder)
        {
            var lineInfo = (IXmlLineInfo)reader;
            bool sawEop = false, inEop = false, inList = false, inAddress = false;
            var address = new StringBuilder();
            int addressLine = 0;
            while (reader.Read())
            {
                int depth = reader.Depth;
                if (depth > MaxDepth)
                {
                    throw new XmlException(string.Format(CultureInfo.InvariantCulture,
                        "elements are nested more than {0} deep; O365IPAddresses.xml nests 4", MaxDepth), null, lineInfo.LineNumber, lineInfo.LinePosition);
                }
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (isProducts && depth == ProductDepth && !sawEop && IsNamed(reader, "product") &&
                            string.Equals(reader.GetAttribute("name"), "EOP", StringComparison.OrdinalIgnoreCase))
                        {
                            sawEop = true;
                            inEop = !reader.IsEmptyElement;
                        }
                        else if (inEop && depth == ListDepth && IsNamed(reader, "addresslist"))
                        {
                            string? type = reader.GetAttribute("type");
                            inList = !reader.IsEmptyElement && (string.Equals(type, "IPv4", StringComparison.OrdinalIgnoreCase) ||
                                                                string.Equals(type, "IPv6", StringComparison.OrdinalIgnoreCase));
                        }
                        else if (inList && depth == AddressDepth && IsNamed(reader, "address"))
                        {
                            address.Clear();
                            addressLine = lineInfo.LineNumber;
                            inAddress = !reader.IsEmptyElement;
                            if (!inAddress) builder.AddText(source, addressLine, string.Empty, EopRegion.Global, allowBareAddress: true);
                        }
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        // An address's text, with the text of anything nested in it, as XElement.Value reads it.
                        if (inAddress) address.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                        if (inAddress && depth == AddressDepth)
                        {
                            inAddress = false;
                            builder.AddText(source, addressLine, address.ToString().Trim(), EopRegion.Global, allowBareAddress: true);
                        }
                        else if (depth == ListDepth) inList = false;
                        else if (depth == ProductDepth) inEop = false;
                        break;
                }
            }
            return sawEop;
        }

        private static bool IsNamed(XmlReader reader, string name) => reader.LocalName == name && reader.NamespaceURI.Length == 0;
    }
}
