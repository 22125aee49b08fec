using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
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

        public static RangeData Read(string path) => ReadText(ReadFileText(path), path);

        /// <summary>
        /// The file's text. A missing, unreadable, empty or oversized file, and what is not a regular file (a device, a
        /// pipe), is a <see cref="RangeDataException"/> naming it; the size is checked before the file is opened.
        /// </summary>
        public static string ReadFileText(string path)
        {
            try
            {
                if (Directory.Exists(path)) throw Refused("RangeFileUnreadable", path, "is a folder, not a file");
                var file = new FileInfo(path);
                if (!file.Exists) throw new RangeDataException("RangeFileNotFound", "The range file '" + path + "' does not exist.");
                long? size = SizeBeforeOpening(file);
                // Devices and pipes report no size, and opening a pipe waits for a writer: a size of 0 is refused unopened.
                if (size == 0) throw Refused("RangeFileEmpty", path, "is empty, or is not a regular file (a device, a pipe or a socket reports no size); it is not read");
                if (size > MaxFileBytes) throw TooLarge(path, size.Value);
                return ReadBounded(path);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw new RangeDataException("RangeFileNotFound", "The range file '" + path + "' does not exist.", e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException ||
                                      e is System.Security.SecurityException)
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

        /// <summary>The size of the file a path names, following a symbolic link; null where the runtime cannot follow it.</summary>
        internal static long? SizeBeforeOpening(FileInfo file)
        {
            if ((file.Attributes & FileAttributes.ReparsePoint) == 0) return file.Length;
            // A link's own size is not its target's. ResolveLinkTarget exists from .NET 6 (PowerShell 7); netstandard2.0
            // cannot name it. Windows PowerShell's .NET Framework cannot follow links, and Windows has no FIFOs to guard
            // against, so there the bounded read alone applies.
            MethodInfo? resolve = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });
            if (resolve == null) return null;
            object? resolved;
            try
            {
                resolved = resolve.Invoke(file, new object[] { true });
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            if (!(resolved is FileInfo target)) return file.Length;
            if (!target.Exists) throw new FileNotFoundException("The link's target does not exist.", target.FullName);
            return target.Length;
        }

        /// <summary>Reads at most <see cref="MaxFileBytes"/>, whatever the size said: a file may grow, a device never ends.</summary>
        private static string ReadBounded(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                if (BoundedText.TryRead(stream, MaxFileBytes, out string? text, out long size)) return text;
                throw TooLarge(path, size);
            }
        }

        private static RangeDataException TooLarge(string path, long size) =>
            Refused("RangeFileTooLarge", path, string.Format(CultureInfo.InvariantCulture,
                "is larger than {0:N0} bytes (at least {1:N0}); no range file is that large, so it is not read", MaxFileBytes, size));

        private static RangeDataException Refused(string errorId, string path, string reason) =>
            new RangeDataException(errorId, "The range file '" + path + "' " + reason + ".");
    }
}
