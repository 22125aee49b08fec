namespace EopTools
{
    /// <summary>The table a range was published in: the global list or one of the regional tables.</summary>
    public enum EopRegion
    {
        Global,
        Americas,
        EMEA,
        APAC,
    }
}
