using System;
using System.Management.Automation;
using EopTools.Sources;

namespace EopTools.Commands
{
    /// <summary>-Instance as the admin typed it (any case), read by the one list of instances.</summary>
    internal static class InstanceParameter
    {
        /// <summary>The instance named; an unknown name ends the command (UnknownInstance), listing the known ones.</summary>
        public static EopInstance Resolve(PSCmdlet cmdlet, string typed)
        {
            try
            {
                return EopInstances.Parse(typed);
            }
            catch (ArgumentException e)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, "UnknownInstance", ErrorCategory.InvalidArgument, typed));
                throw;
            }
        }
    }
}
