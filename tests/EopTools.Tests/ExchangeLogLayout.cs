namespace EopTools.Tests
{
    /// <summary>
    /// The '#Fields:' headers of Exchange's SMTP protocol and message tracking logs (docs/record-sources.md), for the
    /// tests' logs and the benchmark's generated ones.
    /// </summary>
    internal static class ExchangeLogLayout
    {
        public const string ProtocolFields = "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context";

        public const string TrackingFields = "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id," +
            "internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address," +
            "reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data," +
            "transport-traffic-type,log-id,schema-version";
    }
}
