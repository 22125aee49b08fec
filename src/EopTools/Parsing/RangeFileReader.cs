using System;
using System.IO;
using EopTools.IO;

namespace EopTools.Parsing
{
    /// <summary>Reads a range file in any supported format, detected by its content, not its name.</summary>
    internal static class RangeFileReader
    {
        /// <summary>
        /// The largest file read, the same cap as the web service's answers. The largest real file of any format is
        /// under 100 KB (the 2018 O365IPAddresses.xml), so this only stops what is not a range file, before it fills memory.
        /// </summary>
        public const int MaxFileBytes = 16 * 1024 * 1024;

        private static readonly InputFileAccess Access = new InputFileAccess("Range", MaxFileBytes);

        public static RangeData Read(string path) => ReadText(ReadFileText(path), path);

        /// <summary>
        /// The file's text, read by the module's one file policy (<see cref="InputFileAccess"/>): a missing file, a folder,
        /// an empty file or what is not a regular file (a device, a pipe), and one over <see cref="MaxFileBytes"/> are
        /// refused before it is opened, each a <see cref="RangeDataException"/> naming it; so is a file that cannot be read.
        /// </summary>
        public static string ReadFileText(string path)
        {
            try
            {
                return Access.ReadAllText(path, FileShare.Read);
            }
            catch (Exception e) when (FileProblems.Is(e))
            {
                InputFileException refused = Access.Classify(e, path);
                throw new RangeDataException(refused.ErrorId, refused.Message, e);
            }
        }

        /// <param name="instance">For the web service's JSON: the instance it came from, when known.</param>
        /// <param name="version">For the web service's JSON: its version, when known.</param>
        public static RangeData ReadText(string text, string source, string? instance = null, string? version = null)
        {
            text = text.Substring(ByteOrderMark.LengthIn(text));
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
