using System;
using System.IO;
using System.Text;

namespace EopTools.IO
{
    /// <summary>A file that cannot be written; <see cref="EopToolsException.ErrorId"/> is stable for scripts.</summary>
    internal sealed class OutputFileException : EopToolsException
    {
        public OutputFileException(string errorId, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
        }

        /// <summary>The one error for a file problem (<see cref="FileProblems.Is"/>) met writing: OutputFileWriteFailed, with the system's reason.</summary>
        /// <param name="what">What could not be done, as "write 'path'".</param>
        public static OutputFileException WriteFailed(string what, Exception e) => new OutputFileException("OutputFileWriteFailed", "Cannot " + what + ": " + e.Message, e);
    }

    /// <summary>
    /// Writes a text file whole or not at all: into a temporary file in the same folder, then renamed over the target,
    /// so a failure at any point leaves an existing file as it was and no partial file behind. UTF-8 without a BOM.
    /// </summary>
    internal static class AtomicFile
    {
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <param name="noClobber">An existing file is an error (OutputFileExists), checked again at the rename.</param>
        /// <param name="force">A read-only file is replaced and the new file made read-only, as Export-Csv -Force does.</param>
        public static void Write(string path, Action<TextWriter> write, bool noClobber, bool force)
        {
            string folder = Path.GetDirectoryName(path) ?? throw new OutputFileException("OutputFileWriteFailed", "'" + path + "' is not a file path.");
            if (!Directory.Exists(folder)) throw new OutputFileException("OutputFolderNotFound", "The folder '" + folder + "' does not exist.");
            if (Directory.Exists(path)) throw new OutputFileException("OutputPathIsFolder", "'" + path + "' is a folder, not a file.");
            if (noClobber && File.Exists(path)) throw Exists(path, null);

            bool readOnly = File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
            if (readOnly && !force)
            {
                throw new OutputFileException("OutputFileReadOnly", "The file '" + path + "' is read-only; use -Force to replace it.");
            }

            string temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream, Utf8NoBom))
                {
                    write(writer);
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }
                if (readOnly) File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
                try
                {
                    MoveIntoPlace(temporary, path, noClobber);
                }
                finally
                {
                    if (readOnly) File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
                }
            }
            catch (Exception e) when (FileProblems.Is(e))
            {
                throw OutputFileException.WriteFailed("write '" + path + "'", e);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        private static void MoveIntoPlace(string temporary, string path, bool noClobber)
        {
            if (!File.Exists(path) || noClobber)
            {
                try
                {
                    File.Move(temporary, path);
                    return;
                }
                catch (IOException e) when (File.Exists(path))
                {
                    // Someone created the file since the check.
                    if (noClobber) throw Exists(path, e);
                }
            }
            File.Replace(temporary, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
        }

        private static OutputFileException Exists(string path, Exception? inner) =>
            new OutputFileException("OutputFileExists", "The file '" + path + "' already exists; -NoClobber keeps it.", inner);
    }
}
