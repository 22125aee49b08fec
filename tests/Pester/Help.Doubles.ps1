# Recording test doubles for the Windows-only and Exchange-only cmdlets that the help examples call. Each double records
# its bound parameters and returns what the real cmdlet would, in shape. Update-EopIpRange is the module's own cmdlet,
# only pointed at the loopback test server and at a share in TestDrive, so that no example reaches the internet.
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
    # RemoteIPRanges is a MultiValuedProperty: a list replaces the entries, @{Add=...; Remove=...} edits them. The real
    # cmdlet runs remotely (Exchange Management Shell, Exchange Online PowerShell), where arguments arrive serialized:
    # an example must pass plain CIDR strings.
    param([string] $Identity, [object] $RemoteIPRanges)
    $values = if ($RemoteIPRanges -is [hashtable]) { @($RemoteIPRanges.Values | ForEach-Object { $_ }) } else { @($RemoteIPRanges) }
    foreach ($value in $values) {
        if ($value -isnot [string]) { throw "Set-ReceiveConnector runs remotely: pass CIDR strings, not $($value.GetType().FullName)." }
    }
    Add-EopHelpCall 'Set-ReceiveConnector' $PSBoundParameters
}

function global:Get-ReceiveConnector {
    # Over remote PowerShell RemoteIPRanges arrives as the entries' text. 'From Exchange Online' was set up from the 2018
    # page, with two entries of the admin's own; Exchange creates every other connector open to any sender.
    param([string] $Identity)
    Add-EopHelpCall 'Get-ReceiveConnector' $PSBoundParameters
    $ranges = if ($Identity -like '*\From Exchange Online') {
        '40.92.0.0/14', '40.107.0.0/17', '52.100.0.0/14', '104.47.0.0/17', '23.103.132.0/22', '2a01:111:f403::/48', '10.20.0.0/16', '192.168.10.5-192.168.10.9'
    }
    else {
        '0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'
    }
    [pscustomobject]@{ Identity = $Identity; RemoteIPRanges = [string[]]$ranges }
}

function global:Get-NetFirewallAddressFilter {
    param([Parameter(ValueFromPipeline)] [object] $AssociatedNetFirewallRule)
    process {
        Add-EopHelpCall 'Get-NetFirewallAddressFilter' $PSBoundParameters
        # Windows shows an IPv4 subnet in mask form.
        [pscustomobject]@{ InstanceID = $AssociatedNetFirewallRule.Name; RemoteAddress = [string[]]@('40.92.0.0/255.252.0.0', '104.47.0.0/255.255.128.0', '10.0.0.0/255.0.0.0', 'LocalSubnet') }
    }
}

function global:Set-NetFirewallAddressFilter {
    param([Parameter(ValueFromPipeline)] [object] $InputObject, [string[]] $RemoteAddress)
    process { Add-EopHelpCall 'Set-NetFirewallAddressFilter' $PSBoundParameters }
}

function global:Get-MessageTraceV2 {
    param([string] $RecipientAddress, [datetime] $StartDate, [datetime] $EndDate)
    Add-EopHelpCall 'Get-MessageTraceV2' $PSBoundParameters
    [pscustomobject]@{ Received = $EndDate; SenderAddress = 'a@fabrikam.com'; RecipientAddress = $RecipientAddress; Subject = 'Order 1234'; Status = 'Delivered'; ToIP = ''; FromIP = '40.92.70.1' }
    [pscustomobject]@{ Received = $EndDate; SenderAddress = 'b@example.net'; RecipientAddress = $RecipientAddress; Subject = 'Invoice, March'; Status = 'Delivered'; ToIP = ''; FromIP = '203.0.113.5' }
    [pscustomobject]@{ Received = $EndDate; SenderAddress = $RecipientAddress; RecipientAddress = 'b@example.net'; Subject = 'Re: Invoice, March'; Status = 'Delivered'; ToIP = '203.0.113.25'; FromIP = '' }
}

function global:Get-MessageTrackingLog {
    param([string] $Server, [string] $EventId, [datetime] $Start)
    Add-EopHelpCall 'Get-MessageTrackingLog' $PSBoundParameters
    if ($EventId -eq 'SEND') {
        # Mail sent out: the destination is ServerIp (EOP for a connector that routes through Microsoft 365).
        [pscustomobject]@{ EventId = $EventId; ClientIp = [ipaddress]'10.0.0.5'; ServerIp = [ipaddress]'104.47.20.5'; OriginalClientIp = [ipaddress]'10.0.0.9' }
        [pscustomobject]@{ EventId = $EventId; ClientIp = [ipaddress]'10.0.0.5'; ServerIp = [ipaddress]'198.51.100.25'; OriginalClientIp = [ipaddress]'10.0.0.9' }
        return
    }
    # A Mailbox server's Transport service: the front end (10.0.0.5) passed on what the internet host sent.
    [pscustomobject]@{ EventId = $EventId; ClientIp = [ipaddress]'10.0.0.5'; ServerIp = [ipaddress]'10.0.0.6'; OriginalClientIp = [ipaddress]'52.100.10.1' }
    [pscustomobject]@{ EventId = $EventId; ClientIp = [ipaddress]'104.47.1.1'; ServerIp = [ipaddress]'10.0.0.5'; OriginalClientIp = $null }
    [pscustomobject]@{ EventId = $EventId; ClientIp = [ipaddress]'10.0.0.5'; ServerIp = [ipaddress]'10.0.0.6'; OriginalClientIp = [ipaddress]'198.51.100.20' }
}

function global:Update-EopIpRange {
    # $EopHelpService: the FakeEndpointsService the examples run against; \\fileserver\eop\ is $TestDrive/fileserver/eop.
    # http://proxy.contoso.com:8080 is $EopHelpProxy, a LoopbackProxy; any other proxy is refused, never contacted.
    param([string] $Instance, [uri] $Uri, [string] $Path, [switch] $Force, [int] $TimeoutSec, [uri] $Proxy, [pscredential] $ProxyCredential, [switch] $ProxyUseDefaultCredentials)
    Add-EopHelpCall 'Update-EopIpRange' $PSBoundParameters
    $forward = @{} + $PSBoundParameters
    if ($Proxy) {
        if ($Proxy -ne 'http://proxy.contoso.com:8080/') { throw "The help examples' proxy is http://proxy.contoso.com:8080, not $Proxy." }
        $forward['Proxy'] = $global:EopHelpProxy.Uri
    }
    if ($Path) { $forward['Path'] = $Path -replace '^\\\\fileserver\\eop\\', (Join-Path $TestDrive 'fileserver/eop/') }
    elseif (-not $Uri) { $forward['Uri'] = $global:EopHelpService.BaseUri }
    EopTools\Update-EopIpRange @forward
}

function global:Get-Clipboard {
    # $EopHelpClipboard: the path of the message whose Internet headers the admin copied in Outlook.
    param([switch] $Raw)
    Add-EopHelpCall 'Get-Clipboard' $PSBoundParameters
    if ($Raw) { Get-Content -LiteralPath $global:EopHelpClipboard -Raw } else { Get-Content -LiteralPath $global:EopHelpClipboard }
}

function global:Get-MgUserMessage {
    # A mailbox of the messages in $EopHelpMailbox. Graph returns internetMessageHeaders (name and value pairs, each value
    # unfolded) only when -Property asks for it.
    param([string] $UserId, [int] $Top, [string[]] $Property)
    Add-EopHelpCall 'Get-MgUserMessage' $PSBoundParameters
    foreach ($path in $global:EopHelpMailbox | Select-Object -First $Top) {
        $text = Get-Content -LiteralPath $path -Raw
        $block = ($text -split '\r?\n\r?\n', 2)[0]
        $headers = foreach ($field in $block -split '\r?\n(?![ \t])') {
            if ($field -match '(?s)^([^:\s]+):\s*(.*)$') { [pscustomobject]@{ Name = $Matches[1]; Value = $Matches[2] -replace '\r?\n[ \t]+', ' ' } }
        }
        [pscustomobject]@{
            Id                     = [System.IO.Path]::GetFileNameWithoutExtension($path)
            Subject                = ($headers | Where-Object Name -EQ 'Subject').Value
            InternetMessageHeaders = if ($Property -contains 'internetMessageHeaders') { @($headers) } else { $null }
        }
    }
}

# The organisation's servers for the Merge-EopLogSummary examples: each name's ExchangeInstallPath, set by the test.
$global:EopHelpServers = @{}

function global:Get-TransportService {
    Add-EopHelpCall 'Get-TransportService' $PSBoundParameters
    foreach ($name in 'EX01', 'EX02') { [pscustomobject]@{ Name = $name; Identity = $name } }
}

function global:Get-ExchangeServer {
    # Edge servers subscribed with EdgeSync are listed with the role Edge.
    Add-EopHelpCall 'Get-ExchangeServer' $PSBoundParameters
    [pscustomobject]@{ Name = 'EX01'; Fqdn = 'ex01.contoso.com'; ServerRole = 'Mailbox' }
    [pscustomobject]@{ Name = 'EX02'; Fqdn = 'ex02.contoso.com'; ServerRole = 'Mailbox' }
    [pscustomobject]@{ Name = 'EDGE01'; Fqdn = 'edge01.contoso.com'; ServerRole = 'Edge' }
}

function global:Invoke-Command {
    # Each server is a process of its own (a job) with its own logs and temporary folder: the arguments and the rows
    # cross PowerShell's serialization, as over remoting, and the rows come back with PSComputerName set to the name the
    # caller gave. The module is installed there, unless the script block brings its own (imports one): then the server
    # has none on its module path.
    param([string[]] $ComputerName, [scriptblock] $ScriptBlock, [object[]] $ArgumentList, [switch] $UseSSL, [pscredential] $Credential)
    Add-EopHelpCall 'Invoke-Command' $PSBoundParameters
    $module = (Get-Module EopTools).Path
    foreach ($name in $ComputerName) {
        $install = $global:EopHelpServers[$name]
        if (-not $install) { throw "No test server is named '$name'." }
        $temp = New-Item -ItemType Directory -Force -Path (Join-Path (Split-Path $install) 'temp')
        $job = Start-Job -ArgumentList $module, $install, $temp.FullName, "$ScriptBlock", $ArgumentList -ScriptBlock {
            param($module, $install, $temp, $code, $arguments)
            $env:ExchangeInstallPath = $install
            $env:TMPDIR = $env:TEMP = $env:TMP = $temp
            # The server's own warnings (its embedded ranges) stay there.
            $WarningPreference = 'SilentlyContinue'
            if ($code -match 'Import-Module') {
                $separator = [System.IO.Path]::PathSeparator
                $env:PSModulePath = ($env:PSModulePath -split $separator | Where-Object { $_ -and -not (Test-Path (Join-Path $_ 'EopTools')) }) -join $separator
            }
            else {
                Import-Module $module
            }
            $list = if ($null -eq $arguments) { @() } else { @($arguments) }
            & ([scriptblock]::Create($code)) @list
        }
        $job | Wait-Job | Receive-Job | Add-Member -NotePropertyName PSComputerName -NotePropertyValue $name -Force -PassThru
        Remove-Job $job
    }
}

function global:Remove-EopHelpDoubles {
    foreach ($name in 'Get-TransportService', 'Get-ExchangeServer', 'Invoke-Command', 'Add-EopHelpCall', 'New-NetFirewallRule', 'Get-NetFirewallRule', 'Set-NetFirewallRule', 'Set-ReceiveConnector',
        'Get-ReceiveConnector', 'Get-NetFirewallAddressFilter', 'Set-NetFirewallAddressFilter', 'Get-MessageTraceV2', 'Get-MessageTrackingLog', 'Update-EopIpRange', 'Get-Clipboard', 'Get-MgUserMessage', 'Remove-EopHelpDoubles') {
        Remove-Item -Path "Function:\$name" -ErrorAction SilentlyContinue
    }
    Remove-Variable -Scope Global -Name EopHelpCalls, EopHelpClipboard, EopHelpMailbox, EopHelpServers -ErrorAction SilentlyContinue
}
