# Recording test doubles for the Windows-only and Exchange-only cmdlets that the help examples call, and for
# Update-EopIpRange (so no example reaches the internet). Each double records its bound parameters and returns what
# the real cmdlet would, in shape.
$global:EopHelpCalls = [System.Collections.Generic.List[object]]::new()

function global:Add-EopHelpCall([string] $Command, [hashtable] $Parameters) {
    $global:EopHelpCalls.Add([pscustomobject]@{ Command = $Command; Parameters = $Parameters })
}

function global:New-NetFirewallRule {
    param([string] $Name, [string] $DisplayName, [string] $Direction, [string] $Protocol, [string[]] $LocalPort, [string] $Action, [string[]] $RemoteAddress)
    Add-EopHelpCall 'New-NetFirewallRule' $PSBoundParameters
}

function global:Get-NetFirewallRule {
    param([string[]] $Name)
    Add-EopHelpCall 'Get-NetFirewallRule' $PSBoundParameters
    [pscustomobject]@{ Name = $Name[0]; DisplayName = 'SMTP from Exchange Online Protection' }
}

function global:Set-NetFirewallRule {
    param([Parameter(ValueFromPipeline)] [object] $InputObject, [string[]] $RemoteAddress)
    process { Add-EopHelpCall 'Set-NetFirewallRule' $PSBoundParameters }
}

function global:Set-ReceiveConnector {
    # RemoteIPRanges is a MultiValuedProperty: a list replaces the entries, @{Add=...; Remove=...} edits them.
    param([string] $Identity, [object] $RemoteIPRanges)
    if ($RemoteIPRanges -isnot [hashtable]) { $PSBoundParameters['RemoteIPRanges'] = [string[]] $RemoteIPRanges }
    Add-EopHelpCall 'Set-ReceiveConnector' $PSBoundParameters
}

function global:Get-MessageTraceV2 {
    param([string] $RecipientAddress, [datetime] $StartDate, [datetime] $EndDate)
    Add-EopHelpCall 'Get-MessageTraceV2' $PSBoundParameters
    [pscustomobject]@{ RecipientAddress = $RecipientAddress; SenderAddress = 'a@fabrikam.com'; FromIP = '40.92.70.1'; Status = 'Delivered' }
    [pscustomobject]@{ RecipientAddress = $RecipientAddress; SenderAddress = 'b@example.net'; FromIP = '203.0.113.5'; Status = 'Delivered' }
}

function global:Get-MessageTrackingLog {
    param([string] $Server, [string] $EventId, [datetime] $Start)
    Add-EopHelpCall 'Get-MessageTrackingLog' $PSBoundParameters
    [pscustomobject]@{ EventId = $EventId; ClientIp = [ipaddress]'52.100.10.1'; ServerIp = [ipaddress]'10.0.0.5' }
    [pscustomobject]@{ EventId = $EventId; ClientIp = [ipaddress]'104.47.1.1'; ServerIp = [ipaddress]'10.0.0.5' }
    [pscustomobject]@{ EventId = $EventId; ClientIp = [ipaddress]'198.51.100.20'; ServerIp = [ipaddress]'10.0.0.5' }
}

function global:Update-EopIpRange {
    param([string] $Instance = 'Worldwide', [uri] $Uri, [string] $Path, [switch] $Force, [int] $TimeoutSec)
    Add-EopHelpCall 'Update-EopIpRange' $PSBoundParameters
    [EopTools.EopRangeUpdate]::new($Instance, '2026110100', '2026120100', $true, 6, (Join-Path $TestDrive "ranges-$Instance-2026120100.json"))
}

function global:Remove-EopHelpDoubles {
    foreach ($name in 'Add-EopHelpCall', 'New-NetFirewallRule', 'Get-NetFirewallRule', 'Set-NetFirewallRule', 'Set-ReceiveConnector',
        'Get-MessageTraceV2', 'Get-MessageTrackingLog', 'Update-EopIpRange', 'Remove-EopHelpDoubles') {
        Remove-Item -Path "Function:\$name" -ErrorAction SilentlyContinue
    }
    Remove-Variable -Scope Global -Name EopHelpCalls -ErrorAction SilentlyContinue
}
