using System;
using System.IO;
using System.Text;

namespace EopTools.Parsing
{
    /// <summary>Reads a range file in any supported format, detected by its content, not its name.</summary>
    internal static class RangeFileReader
    {
        public static RangeData Read(string path) => ReadText(ReadFileText(path), path);

        /// <summary>The file's text; a missing or unreadable file is a <see cref="RangeDataException"/> naming it.</summary>
        public static string ReadFileText(string path)
        {
            try
            {
                return File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw new RangeDataException("RangeFileNotFound", "The range file '" + path + "' does not exist.", e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
            {
                throw new RangeDataException("RangeFileUnreadable", "The range file '" + path + "' cannot be read: " + e.Message, e);
            }
        }

        /// <param name="instance">For the web service's JSON: the instance it came from, when known.</param>
        /// <param name="version">For the web service's JSON: its version, when known.</param>
        public static RangeData ReadText(string text, string source, string? instance = null, string? version = null)
        {
            if (EndpointsJsonParser.LooksLikeJson(text)) return EndpointsJsonParser.Parse(text, source, instance, version);
            if (LegacyXmlParser.LooksLikeXml(text)) return LegacyXmlParser.Parse(text, source);
            if (PlainTextParser.LooksLikePlainText(text)) return PlainTextParser.Parse(text, source);
            if (EopPageParser.LooksLikePage(text)) return EopPageParser.Parse(text, source);
            throw new RangeDataException("UnrecognizedRangeFile",
                "The file '" + source + "' is not a range file this module reads: the web service's /endpoints JSON, " +
                "O365IPAddresses.xml, the EOP docs page, or a plain list of prefixes.");
        }
    }
}
