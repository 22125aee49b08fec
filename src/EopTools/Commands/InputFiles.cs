using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace EopTools.Commands
{
    /// <summary>A -Path or -LiteralPath value resolved: a file system path, or why it names no file.</summary>
    internal readonly struct InputFile
    {
        public InputFile(string given, string? fullPath, ErrorRecord? error)
        {
            Given = given;
            FullPath = fullPath;
            Error = error;
        }

        /// <summary>The path as the user gave it, the target of its errors.</summary>
        public string Given { get; }

        public string? FullPath { get; }

        public ErrorRecord? Error { get; }
    }

    /// <summary>
    /// Input paths as Get-Content takes them, in one place for every cmdlet: -Path expands wildcards (a pattern that
    /// matches nothing is an error, as it is for Get-Content), -LiteralPath is taken as typed; a path must be on the
    /// file system. Whether the file exists and can be read is the reader's to say.
    /// </summary>
    internal static class InputFiles
    {
        /// <summary>Each path's files in order, or one error for a path that names none.</summary>
        /// <param name="kind">What the files are, for the errors: "Range" gives RangeFileNotFound and RangePathNotFileSystem, "Log" the Log ones.</param>
        public static IEnumerable<InputFile> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal, string kind = "Range")
        {
            var folders = new FolderResolutions(cmdlet);
            foreach (string path in paths)
            {
                var files = new List<InputFile>();
                try
                {
                    if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
                    {
                        string fullPath = folders.Resolve(path, out ProviderInfo provider);
                        files.Add(IsFileSystem(provider) ? new InputFile(path, fullPath, null) : NotFileSystem(path, provider, kind));
                    }
                    else
                    {
                        Collection<string> matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
                        if (!IsFileSystem(provider)) files.Add(NotFileSystem(path, provider, kind));
                        else if (matches.Count == 0) files.Add(NoMatch(path, null, kind));
                        else foreach (string match in matches) files.Add(new InputFile(path, match, null));
                    }
                }
                catch (ItemNotFoundException e)
                {
                    files.Add(NoMatch(path, e, kind));
                }
                catch (DriveNotFoundException e)
                {
                    files.Add(NoMatch(path, e, kind));
                }
                catch (ProviderNotFoundException e)
                {
                    files.Add(NoMatch(path, e, kind));
                }
                foreach (InputFile file in files) yield return file;
            }
        }

        /// <summary>
        /// The one file a parameter that stands for one version names (-ReferencePath, Test-EopIpAddress -Path, ...):
        /// none, several or one on another provider is a terminating error, since the whole command answers from it.
        /// </summary>
        public static string ResolveOne(PSCmdlet cmdlet, string[] paths, bool literal, string parameterName)
        {
            var files = new List<string>();
            foreach (InputFile file in Resolve(cmdlet, paths, literal))
            {
                if (file.Error != null) cmdlet.ThrowTerminatingError(file.Error);
                files.Add(file.FullPath!);
            }
            if (files.Count != 1)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("-" + parameterName + " names " + files.Count + " files (" + string.Join(", ", files) +
                        "); it stands for one version of the ranges, so give one file."),
                    "PathNotOneFile", ErrorCategory.InvalidArgument, string.Join(", ", paths)));
            }
            return files[0];
        }

        /// <summary>
        /// Paths as typed, resolved as PowerShell resolves them, through their folder: the folder once per call, the name
        /// added to it. PowerShell's resolution of one path costs more than reading a message's headers (it checks the
        /// path's drive each time, on Linux by reading the mount table), and the files of one folder share its resolution.
        /// A name PowerShell reads specially ("~", ".", "..", "drive:name", an escape) is resolved whole, and so is a path
        /// whose folder does not resolve, so that its error is the path's own.
        /// </summary>
        private sealed class FolderResolutions
        {
            private static readonly char[] Separators = { '/', '\\' };

            private readonly PSCmdlet _cmdlet;
            private readonly Dictionary<string, KeyValuePair<string, ProviderInfo>> _folders = new Dictionary<string, KeyValuePair<string, ProviderInfo>>(StringComparer.Ordinal);

            public FolderResolutions(PSCmdlet cmdlet)
            {
                _cmdlet = cmdlet;
            }

            public string Resolve(string path, out ProviderInfo provider)
            {
                int separator = path.LastIndexOfAny(Separators);
                string name = path.Substring(separator + 1);
                if (name.Length == 0 || name == "." || name == ".." || name[0] == '~' || name.IndexOf(':') >= 0 || path.IndexOf('`') >= 0)
                {
                    return Whole(path, out provider);
                }
                string folder = separator < 0 ? "." : path.Substring(0, separator + 1);
                if (!_folders.TryGetValue(folder, out KeyValuePair<string, ProviderInfo> resolved))
                {
                    try
                    {
                        resolved = new KeyValuePair<string, ProviderInfo>(Whole(folder, out ProviderInfo folderProvider), folderProvider);
                    }
                    catch (Exception)
                    {
                        return Whole(path, out provider);
                    }
                    _folders.Add(folder, resolved);
                }
                provider = resolved.Value;
                string full = resolved.Key;
                char last = full.Length > 0 ? full[full.Length - 1] : '\0';
                return last == System.IO.Path.DirectorySeparatorChar || last == System.IO.Path.AltDirectorySeparatorChar ? full + name : full + System.IO.Path.DirectorySeparatorChar + name;
            }

            private string Whole(string path, out ProviderInfo provider) => _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }

        /// <summary>Whether a path's provider is the file system, the only one the module reads or writes files on.</summary>
        public static bool IsFileSystem(ProviderInfo provider) => provider.ImplementingType == typeof(FileSystemProvider);

        private static InputFile NotFileSystem(string path, ProviderInfo provider, string kind) =>
            new InputFile(path, null, new ErrorRecord(
                new PSArgumentException("The path '" + path + "' is on the " + provider.Name + " provider; a " + kind.ToLowerInvariant() + " file must be on the file system."),
                kind + "PathNotFileSystem", ErrorCategory.InvalidArgument, path));

        private static InputFile NoMatch(string path, Exception? inner, string kind) =>
            new InputFile(path, null, new ErrorRecord(
                new ItemNotFoundException("No " + kind.ToLowerInvariant() + " file matches the path '" + path + "'.", inner),
                kind + "FileNotFound", ErrorCategory.ObjectNotFound, path));
    }
}
