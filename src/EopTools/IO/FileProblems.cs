using System;
using System.IO;

namespace EopTools.IO
{
    /// <summary>The module's one test of what is the file's fault rather than ours, for files read and written alike.</summary>
    internal static class FileProblems
    {
        /// <summary>
        /// A failure of the file system or of a path: missing, locked, denied, a bad or too long path, or a refusal of
        /// <see cref="InputFileAccess"/>. Anything else is a fault of ours and is not reported as the file's.
        /// </summary>
        public static bool Is(Exception e) =>
            e is InputFileException || e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException ||
            e is System.Security.SecurityException;
    }
}
