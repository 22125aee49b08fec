using System.Management.Automation;
using EopTools.Index;
using EopTools.Parsing;

namespace EopTools.Commands
{
    /// <summary>How every cmdlet gets its ranges: the session's shared index, or a file given with -Path.</summary>
    internal static class RangeSource
    {
        public static RangeIndex Resolve(PSCmdlet cmdlet, string? path)
        {
            if (path == null)
            {
                RangeIndex current = EopSession.Current;
                foreach (string warning in EopSession.TakeLoadWarnings()) cmdlet.WriteWarning(warning);
                cmdlet.WriteVerbose("Using the session's ranges: " + current.DataSet + ".");
                return current;
            }

            string fullPath = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            RangeData data;
            try
            {
                data = RangeFileReader.Read(fullPath);
            }
            catch (RangeDataException e)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.For(e, path));
                throw;
            }
            foreach (ParseDiagnostic diagnostic in data.Diagnostics) cmdlet.WriteWarning(diagnostic.ToString());
            cmdlet.WriteVerbose("Read " + data.Ranges.Count + " ranges from '" + fullPath + "' (" + data.DataSet.Format + ").");
            return new RangeIndex(data);
        }

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
