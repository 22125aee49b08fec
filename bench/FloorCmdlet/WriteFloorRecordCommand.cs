using System.Management.Automation;

namespace FloorCmdlet
{
    /// <summary>
    /// The floor for records: reads one named property of each piped object and writes one small object with its text,
    /// and nothing else: what any cmdlet that reads an address out of a record must pay.
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "FloorRecord")]
    [OutputType(typeof(FloorObject))]
    public sealed class WriteFloorRecordCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0)]
        public string Property { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            WriteObject(new FloorObject(InputObject.Properties[Property]?.Value as string ?? string.Empty));
    }
}
