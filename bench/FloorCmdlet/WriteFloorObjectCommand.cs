using System;
using System.Management.Automation;

namespace FloorCmdlet
{
    /// <summary>One small object per input string, and nothing else: what any cmdlet with that output must pay.</summary>
    public sealed class FloorObject
    {
        public FloorObject(string input)
        {
            Input = input;
        }

        public string Input { get; }
    }

    [Cmdlet(VerbsCommunications.Write, "FloorObject")]
    [OutputType(typeof(FloorObject))]
    public sealed class WriteFloorObjectCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string[] InputObject { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (string input in InputObject) WriteObject(new FloorObject(input));
        }
    }
}
