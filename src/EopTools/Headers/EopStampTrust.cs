namespace EopTools
{
    /// <summary>Whether a Microsoft 365 stamp can be believed, from where it stands in the header block.</summary>
    public enum EopStampTrust
    {
        /// <summary>A Microsoft 365 hop confirmed by the chain stands above it: Microsoft added it (or kept it).</summary>
        Trusted,

        /// <summary>No confirmed Microsoft 365 hop stands above it: anyone could have written it. Ignored for the verdict.</summary>
        Forged,

        /// <summary>An -Untrusted variant: the sending tenant's own stamp, kept as information. Ignored for the verdict.</summary>
        SendingTenant,
    }
}
