using System.Management.Automation;
using EopTools.Index;
using EopTools.Parsing;

namespace EopTools.Commands
{
    /// <summary>How every cmdlet gets its ranges: the session's shared index, or files given with -Path or -LiteralPath.</summary>
    internal static class RangeSource
    {
        /// <summary>The session's ranges, with the warnings of loading them (a corrupt cache).</summary>
        public static RangeIndex Session(PSCmdlet cmdlet)
        {
            RangeIndex current = EopSession.Current;
            Warnings.Write(cmdlet, EopSession.TakeLoadWarnings());
            cmdlet.WriteVerbose("Using the session's ranges: " + current.DataSet + ".");
            return current;
        }

        /// <summary>The ranges of the one file that -<paramref name="parameterName"/> names; any failure ends the command.</summary>
        public static RangeIndex OneFile(PSCmdlet cmdlet, string[] paths, bool literal, string parameterName) =>
            ResolvedFile(cmdlet, InputFiles.ResolveOne(cmdlet, paths, literal, parameterName));

        /// <summary>The ranges of a file already resolved to its full path; any failure ends the command.</summary>
        public static RangeIndex ResolvedFile(PSCmdlet cmdlet, string fullPath)
        {
            RangeIndex? index = Read(cmdlet, fullPath, out ErrorRecord? error);
            if (error != null) cmdlet.ThrowTerminatingError(error);
            return index!;
        }

        /// <summary>The ranges of one of several files; a file that cannot be used is a non-terminating error and null.</summary>
        public static RangeIndex? EachFile(PSCmdlet cmdlet, InputFile file)
        {
            if (file.Error != null)
            {
                cmdlet.WriteError(file.Error);
                return null;
            }
            RangeIndex? index = Read(cmdlet, file.FullPath!, out ErrorRecord? error);
            if (error != null) cmdlet.WriteError(error);
            return index;
        }

        private static RangeIndex? Read(PSCmdlet cmdlet, string fullPath, out ErrorRecord? error)
        {
            RangeData data;
            try
            {
                data = RangeFileReader.Read(fullPath);
            }
            catch (RangeDataException e)
            {
                error = ErrorRecords.For(e, fullPath);
                return null;
            }
            Warnings.Write(cmdlet, data.Diagnostics);
            cmdlet.WriteVerbose("Read " + data.Ranges.Count + " ranges from '" + fullPath + "' (" + data.DataSet.Format + ").");
            error = null;
            return new RangeIndex(data);
        }

        /// <summary>
        /// The error for data without Microsoft 365 endpoint sets (the docs page, a plain list, the retired XML): an answer
        /// that it has none, not an empty listing that reads as "no sets".
        /// </summary>
        public static ErrorRecord NoEndpointSets(RangeIndex index, object? target) =>
            new ErrorRecord(new ItemNotFoundException(
                "The data set '" + index.DataSet + "' (" + index.DataSet.Format + ") carries no Microsoft 365 endpoint sets: only the web service's " +
                "/endpoints answer has them. Run Update-EopIpRange to fetch it, or Update-EopIpRange -Path with a saved /endpoints JSON file."),
                "NoEndpointSets", ErrorCategory.ObjectNotFound, target);

        /// <summary>A region the data set has no table for is an error, not an empty answer that looks like "not EOP".</summary>
        public static void RequireTable(PSCmdlet cmdlet, RangeIndex index, EopRegion region)
        {
            if (index.HasTable(region)) return;
            var exception = new ItemNotFoundException(
                "The data set '" + index.DataSet + "' has no " + region + " table. Only the EOP page of 2018 (before October) published regional tables.");
            cmdlet.ThrowTerminatingError(new ErrorRecord(exception, "RegionNotInDataSet", ErrorCategory.ObjectNotFound, region));
        }
    }
}
