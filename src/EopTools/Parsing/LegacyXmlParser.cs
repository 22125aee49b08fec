using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using EopTools.Ranges;

namespace EopTools.Parsing
{
    /// <summary>
    /// Reads the retired O365IPAddresses.xml (products, address lists by type), taking the product "EOP". Bare host
    /// addresses are /32 or /128; zero-padded IPv6 is read and printed canonically.
    /// </summary>
    internal static class LegacyXmlParser
    {
        public const string FormatName = "LegacyXml";

        public static bool LooksLikeXml(string text)
        {
            return TextStart.Is(text, "<?xml") || TextStart.Is(text, "<products", StringComparison.OrdinalIgnoreCase);
        }

        public static RangeData Parse(string text, string source)
        {
            XDocument document;
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                using (var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF')), settings))
                {
                    document = XDocument.Load(reader, LoadOptions.SetLineInfo);
                }
            }
            catch (XmlException e)
            {
                throw new RangeDataException("InvalidXml", "'" + source + "' is not valid XML: " + e.Message, e);
            }

            XElement? root = document.Root;
            if (root == null || root.Name.LocalName != "products")
            {
                throw new RangeDataException("UnrecognizedRangeFile",
                    "'" + source + "' is XML but not O365IPAddresses.xml (its root is <" + root?.Name.LocalName + ">, not <products>).");
            }
            XElement? eop = root.Elements("product").FirstOrDefault(p => string.Equals((string?)p.Attribute("name"), "EOP", StringComparison.OrdinalIgnoreCase));
            if (eop == null)
            {
                throw new RangeDataException("NoEopRanges", "'" + source + "' has no product named EOP.");
            }

            var builder = new RangeDataBuilder();
            foreach (XElement list in eop.Elements("addresslist"))
            {
                string? type = (string?)list.Attribute("type");
                if (!string.Equals(type, "IPv4", StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "IPv6", StringComparison.OrdinalIgnoreCase)) continue;
                foreach (XElement address in list.Elements("address"))
                {
                    string value = address.Value.Trim();
                    int line = ((IXmlLineInfo)address).LineNumber;
                    if (!IpText.TryParsePrefix(value, allowBareAddress: true, out IpPrefix prefix, out string? error))
                    {
                        builder.Warn(source, line, "malformed EOP address (" + error + "); skipped", value);
                        continue;
                    }
                    if (!builder.Add(prefix, EopRegion.Global)) builder.Warn(source, line, "EOP address listed twice; kept once", value);
                }
            }
            if (builder.Count == 0)
            {
                throw new RangeDataException("NoEopRanges", "'" + source + "' lists no EOP address.");
            }

            DateTime? published = PublishedDate.Parse((string?)root.Attribute("updated"));
            return builder.Build(hasIPv6 => new EopDataSet("O365IPAddresses.xml (EOP)",
                PublishedDate.Version(published), published, source, FormatName, hasIPv6));
        }
    }
}
