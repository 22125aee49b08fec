namespace EopTools
{
    /// <summary>The address family of a range or address, as admins name it.</summary>
    public enum IPAddressFamily
    {
        IPv4,
        IPv6,
    }
}
