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
            foreach (string path in paths)
            {
                var files = new List<InputFile>();
                try
                {
                    if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
                    {
                        string fullPath = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
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

        private static bool IsFileSystem(ProviderInfo provider) => provider.ImplementingType == typeof(FileSystemProvider);

        private static InputFile NotFileSystem(string path, ProviderInfo provider, string kind) =>
            new InputFile(path, null, new ErrorRecord(
                new PSArgumentException("The path '" + path + "' is on the " + provider.Name + " provider; a " + kind.ToLowerInvariant() + " file must be on the file system."),
                kind + "PathNotFileSystem", ErrorCategory.InvalidArgument, path));

        private static InputFile NoMatch(string path, System.Exception? inner, string kind) =>
            new InputFile(path, null, new ErrorRecord(
                new ItemNotFoundException("No " + kind.ToLowerInvariant() + " file matches the path '" + path + "'.", inner),
                kind + "FileNotFound", ErrorCategory.ObjectNotFound, path));
    }
}
