namespace EopTools
{
    /// <summary>What became of an endpoint set between two versions of the web service's answer.</summary>
    public enum EopEndpointSetChangeKind
    {
        Added,
        Removed,
        Changed,
    }
}
