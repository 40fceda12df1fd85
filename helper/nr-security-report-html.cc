// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * The run report's page: HTML, inline CSS and JavaScript.
 */
#include "nr-security-report-html.h"

#include "nr-security-smc-steps.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-hex.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace ns3
{

std::string
NrSecurityHtmlEscape(const std::string& text)
{
    std::string s;
    s.reserve(text.size());
    for (char c : text)
    {
        switch (c)
        {
            case '&':
                s += "&amp;";
                break;
            case '<':
                s += "&lt;";
                break;
            case '>':
                s += "&gt;";
                break;
            case '"':
                s += "&quot;";
                break;
            case '\'':
                s += "&#39;";
                break;
            default:
                s += c;
        }
    }
    return s;
}

namespace
{

/// A JavaScript string literal (double quotes), safe inside a script element.
std::string
Js(const std::string& text)
{
    std::string s = "\"";
    for (unsigned char c : text)
    {
        if (c == '"' || c == '\\')
        {
            s += '\\';
            s += char(c);
        }
        else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '/')
        {
            char u[8];
            std::snprintf(u, sizeof(u), "\\u%04x", c);
            s += u;
        }
        else
        {
            s += char(c);
        }
    }
    return s + "\"";
}

std::string
Ms(double ms)
{
    char t[32];
    std::snprintf(t, sizeof(t), "%.3f", ms);
    return t;
}

std::string
Hex(const std::vector<uint8_t>& v, size_t from, size_t to)
{
    to = std::min(to, v.size());
    return from < to ? NrSecurityToHex(v.data() + from, to - from) : std::string();
}

const char* const kStyle = R"CSS(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.2em 2em;color:#1b1b1b;background:#fff;max-width:1400px}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;border-bottom:2px solid #3a6ea5;padding-bottom:2px;margin-top:1.6em}
.summary{color:#333;margin:.3em 0 .8em}.tools button{margin-right:.5em;padding:.3em .8em;font-size:.95em;cursor:pointer}
table{border-collapse:collapse;font-size:.86em}th,td{border:1px solid #c8c8c8;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#e9eff6;position:sticky;top:0}.mono,pre,td.h{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-all;margin:.2em 0;font-size:.9em}
#pdus tbody tr{cursor:pointer}#pdus tbody tr:hover{background:#fff6d6}#pdus tbody tr.sel{background:#ffe9a8;outline:2px solid #d39e00}
tr.fail td,li.fail,.failbox{background:#fde2e2;color:#8b0000}tr.fail td:first-child{border-left:4px solid #c00}
.wrap{overflow-x:auto;border:1px solid #ddd;max-height:36em;overflow-y:auto}.wrap.chart{max-height:none}
.tree ul{list-style:none;margin:0;padding-left:1.6em;border-left:2px solid #9bb7d4}.tree>ul{border-left:none;padding-left:0}
.tree li{margin:.35em 0}.node{display:inline-block;border:1px solid #3a6ea5;border-radius:5px;padding:3px 8px;background:#f2f7fc}
.node b{color:#123a63}.edge{font-size:.8em;color:#444;margin:.15em 0 .15em 1em;border-left:3px solid #9bb7d4;padding-left:6px}
.meta{color:#666;font-size:.85em}.kvh{display:none;color:#888}body.hidekeys .kv{display:none}body.hidekeys .kvh{display:inline}
.bar{height:10px;background:#3a6ea5;border-radius:5px;min-width:4px}td.barcell{width:220px}
#detail{border:2px solid #d39e00;border-radius:6px;padding:.5em 1em;margin-top:.8em;background:#fffdf5}
#detail.open{position:fixed;top:0;right:0;width:46%;max-width:660px;height:100vh;box-sizing:border-box;overflow:auto;margin:0;border-radius:0;box-shadow:-4px 0 14px rgba(0,0,0,.3);z-index:10}
#detail-close{float:right;margin-top:.4em;cursor:pointer}
.bytes span{padding:1px 2px;border-radius:3px}.b-hdr{background:#cfe3ff}.b-sdap{background:#e0d4ff}.b-enc{background:#ffd7b5}.b-clr{background:#d9f2d0}.b-mac{background:#ffc1c1}
.legend span{display:inline-block;padding:0 6px;margin-right:6px;border-radius:3px;font-size:.85em}
.ok{color:#176b00;font-weight:bold}.bad{color:#b00000;font-weight:bold}
svg text{font-family:system-ui,Arial,sans-serif}
@media print{.tools,.noprint{display:none}body{margin:0;max-width:none;font-size:10pt}.wrap{max-height:none;overflow:visible;border:none}
th{position:static}#pdus tbody tr:hover{background:none}h2{page-break-after:avoid}section{page-break-inside:auto}
svg{max-width:100%;height:auto}a{color:inherit}
#detail.open{position:static;width:auto;max-width:none;height:auto;box-shadow:none;border-radius:6px}#detail-close{display:none}}
)CSS";

const char* const kScript = R"JS(
(function(){
function sp(h){return h.replace(/(..)(?=.)/g,'$1 ');}
function esc(s){return String(s).replace(/&/g,'&amp;').replace(/</g,'&lt;').replace(/>/g,'&gt;');}
function key(h){return '<span class="kv">'+h+'</span><span class="kvh">(hidden: Show keys)</span>';}
function show(i){
  var p=PDUS[i-1];if(!p)return;
  var rows=document.querySelectorAll('#pdus tbody tr');
  for(var r=0;r<rows.length;r++){rows[r].classList.remove('sel');}
  var tr=document.getElementById('pdu-'+i);if(tr)tr.classList.add('sel');
  var d=document.getElementById('detail');
  var dirBit=p.dir==='UL'?0:1;
  var h='<button id="detail-close" type="button">Close</button><h3>PDU '+i+': '+esc(p.side)+' '+p.rb+' '+p.dir+', '+esc(p.outcome)+(p.what?' ('+esc(p.what)+')':'')+'</h3>';
  h+='<p class="legend"><span class="b-hdr">PDCP header</span>'+(p.sdap?'<span class="b-sdap">SDAP header</span>':'')+
     '<span class="'+(p.cip?'b-enc':'b-clr')+'">'+(p.cip?'ciphered payload':'payload (not ciphered)')+'</span>'+
     (p.macAir?'<span class="b-mac">MAC-I'+(p.cip?' (ciphered)':'')+'</span>':'')+'</p>';
  h+='<div class="bytes mono" id="bytes"><span class="b-hdr">'+sp(p.hdr)+'</span> '+(p.sdap?'<span class="b-sdap">'+sp(p.sdap)+'</span> ':'')+
     '<span class="'+(p.cip?'b-enc':'b-clr')+'">'+sp(p.body)+'</span> '+(p.macAir?'<span class="b-mac">'+sp(p.macAir)+'</span>':'')+'</div>';
  h+='<table class="mono"><tr><th>COUNT</th><td>'+p.count+' (0x'+('0000000'+(p.count>>>0).toString(16)).slice(-8)+'; HFN '+p.hfn+', SN '+p.sn+')</td></tr>'+
     '<tr><th>BEARER</th><td>'+p.bearer+' (RB identity '+(p.bearer+1)+' - 1)</td></tr><tr><th>DIRECTION</th><td>'+dirBit+' ('+(dirBit?'downlink':'uplink')+')</td></tr>'+
     '<tr><th>ciphering</th><td>'+(p.cip?p.nea+', KEY '+key(p.kenc):'off')+'</td></tr><tr><th>integrity</th><td>'+(p.nia?p.nia+', KEY '+key(p.kint):'off')+'</td></tr></table>';
  if(p.plainKnown){
    h+='<p><b>Plaintext</b> (the PDCP SDU'+(p.sdap?' after the SDAP header':'')+', deciphered'+(p.cip?' with '+p.nea:': it was not ciphered')+'):</p>';
    h+='<pre id="plain" class="plain b-clr">'+sp(p.plain)+'</pre>';
    if(p.what)h+='<p>= <b id="what">'+esc(p.what)+'</b></p>';
    if(p.macClr)h+='<p>MAC-I in clear: <span class="mono" id="maci">'+sp(p.macClr)+'</span>'+(p.xmac?' &middot; recomputed X-MAC: <span class="mono" id="xmac">'+sp(p.xmac)+'</span> '+
       (p.xmac===p.macClr?'<span class="ok">= MAC-I, verified</span>':'<span class="bad">&ne; MAC-I: integrity failure</span>')+' <span class="meta">('+esc(p.xnote)+')</span>':'')+'</p>';
  } else {h+='<p>No plaintext: '+esc(p.what||'the PDU could not be parsed or has no COUNT')+'</p>';}
  var calc='';
  if(p.countKnown&&p.plainKnown){
    var rbt=p.rb.slice(0,3).toLowerCase();
    calc+='nr-security-calc pdcp-unprotect --rb '+rbt+' --rb-id '+(p.bearer+1)+(rbt==='drb'?' --sn-bits '+p.snBits:'')+' --direction '+p.dir.toLowerCase()+
      ' --nea '+(p.cip?p.nea.slice(3):'none')+(p.cip?' --k-enc '+key(p.kenc):'')+' --nia '+(p.nia?p.nia.slice(3):'none')+(p.nia?' --k-int '+key(p.kint):'')+
      (p.sdap?' --sdap-header '+p.sdap:'')+' --rx-deliv '+p.count+' --pdu '+p.hdr+p.sdap+p.body+p.macAir+'\n';
    if(p.cip){calc+='nr-security-calc nea --alg '+p.nea.slice(3)+' --key '+key(p.kenc)+' --count '+p.count+' --bearer '+p.bearer+' --direction '+dirBit+
      ' --bits '+((p.body.length+p.macAir.length)*4)+' --data '+p.body+p.macAir+'\n';}
    if(p.nia&&p.macClr){var m=p.hdr+p.sdap+p.plain;
      calc+='nr-security-calc nia --alg '+p.nia.slice(3)+' --key '+key(p.kint)+' --count '+p.count+' --bearer '+p.bearer+' --direction '+dirBit+' --bits '+(m.length*4)+' --data '+m+'\n';}
  }
  if(calc)h+='<p>Redo it (prints the SDU, the deciphered payload || MAC-I, and the MAC-I; add <span class="mono">--explain</span> for every intermediate):</p><pre class="calc">'+calc+'</pre>';
  d.innerHTML=h;d.classList.add('open');
  document.getElementById('detail-close').addEventListener('click',function(){d.classList.remove('open');});
}
window.nrShow=show;
var tb=document.querySelector('#pdus tbody');
if(tb)tb.addEventListener('click',function(ev){var tr=ev.target.closest('tr');if(tr&&tr.id)show(parseInt(tr.id.slice(4),10));});
var kb=document.getElementById('keys-toggle');
if(kb)kb.addEventListener('click',function(){var on=document.body.classList.toggle('hidekeys');kb.textContent=on?'Show keys':'Hide keys';});
var pb=document.getElementById('print');if(pb)pb.addEventListener('click',function(){window.print();});
function hash(){var m=/^#click=(pdu-\d+)(&keys)?$/.exec(location.hash);if(!m)return;
  if(m[2]&&kb&&document.body.classList.contains('hidekeys'))kb.click();
  var tr=document.getElementById(m[1]);if(tr){tr.click();}}
window.addEventListener('hashchange',hash);hash();
})();
)JS";

/// The sequence chart: one lane per entity, one row per message or highlighted event.
void
WriteChart(std::ostream& out, const NrSecurityReport& r)
{
    std::vector<std::string> lanes{"UE"};
    auto addLane = [&lanes](const std::string& s)
    {
        if (std::find(lanes.begin(), lanes.end(), s) == lanes.end())
        {
            lanes.push_back(s);
        }
    };
    std::vector<std::string> gnbs;
    for (const auto& m : r.messages)
    {
        for (const std::string& s : {m.from, m.to})
        {
            if (s.rfind("gNB", 0) == 0 && std::find(gnbs.begin(), gnbs.end(), s) == gnbs.end())
            {
                gnbs.push_back(s);
            }
        }
    }
    std::sort(gnbs.begin(), gnbs.end());
    for (const auto& g : gnbs)
    {
        addLane(g);
    }
    addLane("AMF");
    for (const auto& m : r.messages)
    {
        addLane(m.from);
        addLane(m.to);
    }
    struct Row
    {
        double t;
        const NrSecurityReportMessage* m;
        const NrSecurityReportEvent* e;
    };
    std::vector<Row> rows;
    for (const auto& m : r.messages)
    {
        rows.push_back(Row{m.timeMs, &m, nullptr});
    }
    for (const auto& e : r.events)
    {
        if (e.kind == "SmcStep" || e.failure || e.kind == "SecurityActivated")
        {
            rows.push_back(Row{e.timeMs, nullptr, &e});
        }
    }
    std::stable_sort(
        rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
    const int laneW = 300;
    const int left = 110;
    const int rowH = 22;
    const int top = 40;
    const int width = left + laneW * int(lanes.size() - 1) + 160;
    const int height = top + rowH * int(rows.size()) + 20;
    auto x = [&](const std::string& lane)
    {
        auto it = std::find(lanes.begin(), lanes.end(), lane);
        return left + laneW * int(it - lanes.begin());
    };
    std::ostringstream body;
    int right = width;
    for (const auto& l : lanes)
    {
        body << "<text x=\"" << x(l) << "\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\" "
             << "font-size=\"14\">" << NrSecurityHtmlEscape(l) << "</text><line x1=\"" << x(l)
             << "\" y1=\"28\" x2=\"" << x(l) << "\" y2=\"" << height - 10
             << "\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n";
    }
    int y = top;
    for (const auto& row : rows)
    {
        y += rowH;
        body << "<text x=\"4\" y=\"" << y - 4 << "\" font-size=\"11\" fill=\"#555\">" << Ms(row.t)
             << " ms</text>";
        if (row.m)
        {
            const auto& m = *row.m;
            const int x1 = x(m.from);
            const int x2 = x(m.to);
            const bool lost = !m.received;
            const bool release = m.name == "rrcRelease";
            const char* colour = lost || release ? "#b00000" : "#123a63";
            const int xe = lost ? (x1 + x2) / 2 : x2;
            body << "<line x1=\"" << x1 << "\" y1=\"" << y - 6 << "\" x2=\"" << xe << "\" y2=\""
                 << y - 6 << "\" stroke=\"" << colour << "\" stroke-width=\"1.6\""
                 << (lost ? " stroke-dasharray=\"6 3\"" : "") << " marker-end=\"url(#"
                 << (lost || release ? "ahr" : "ah") << ")\"/>";
            if (lost)
            {
                body << "<text x=\"" << xe + (x2 > x1 ? 6 : -18) << "\" y=\"" << y - 1
                     << "\" font-size=\"14\" fill=\"#b00000\" font-weight=\"bold\">&#x2715;</text>";
            }
            std::string label = m.name;
            if (m.bearer != "N2")
            {
                label
                    += " [" + m.bearer + (m.protection == "none" ? "" : ", " + m.protection) + "]";
            }
            label += lost ? "  lost on the air" : "";
            if (m.received && m.rxTimeMs != m.timeMs)
            {
                label += "  rx " + Ms(m.rxTimeMs);
            }
            body << "<text x=\"" << (std::min(x1, x2) + 8) << "\" y=\"" << y - 9
                 << "\" font-size=\"11\" fill=\"" << colour << "\">" << NrSecurityHtmlEscape(label)
                 << "</text>\n";
        }
        else
        {
            const auto& e = *row.e;
            const std::string lane
                = e.side.rfind("gNB", 0) == 0
                          && std::find(lanes.begin(), lanes.end(), e.side) == lanes.end()
                      ? lanes.size() > 1 ? lanes[1] : lanes[0]
                      : e.side;
            const int cx = x(lane);
            std::string label = (e.step ? std::to_string(e.step) + ": " : std::string()) + e.text;
            if (const NrSecuritySmcStepInfo* s = e.step ? NrSecuritySmcStep(e.step) : nullptr)
            {
                label += "  (TS 38.331 " + std::string(s->clause38331) + ")";
            }
            const int w = int(label.size()) * 6 + 10;
            const int bx = cx + 6;
            right = std::max(right, bx + w + 10);
            body << "<rect x=\"" << bx << "\" y=\"" << y - 17 << "\" width=\"" << w
                 << "\" height=\"16\" rx=\"3\" fill=\"" << (e.failure ? "#fde2e2" : "#eef6e8")
                 << "\" stroke=\"" << (e.failure ? "#c00" : "#6a9f4b") << "\"/><text x=\"" << bx + 5
                 << "\" y=\"" << y - 5 << "\" font-size=\"11\" fill=\""
                 << (e.failure ? "#8b0000" : "#234d12") << "\">" << NrSecurityHtmlEscape(label)
                 << "</text>\n";
        }
    }
    out << "<div class=\"wrap chart\"><svg id=\"chart\" width=\"" << std::max(width, right)
        << "\" height=\"" << height << "\" viewBox=\"0 0 " << std::max(width, right) << ' '
        << height
        << "\" role=\"img\" aria-label=\"sequence chart\">\n"
           "<defs><marker id=\"ah\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" "
           "orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"#123a63\"/></marker>"
           "<marker id=\"ahr\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" "
           "orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"#b00000\"/></marker></defs>\n";
    out << body.str();
    out << "</svg></div>\n";
}

/// Steps 26-33 with their times and clauses.
void
WriteSteps(std::ostream& out, const NrSecurityReport& r)
{
    std::vector<const NrSecurityReportEvent*> steps;
    for (const auto& e : r.events)
    {
        if (e.kind == "SmcStep")
        {
            steps.push_back(&e);
        }
    }
    if (steps.empty())
    {
        out << "<p>No step of the AS Security Mode Command procedure for this UE.</p>\n";
        return;
    }
    const double t0 = steps.front()->timeMs;
    const double span = std::max(steps.back()->timeMs - t0, 0.001);
    out << "<table id=\"steps\"><thead><tr><th>step</th><th>time (ms)</th><th>since 26 "
           "(ms)</th><th>side</th><th>what happened</th><th>TS 38.331</th><th>TS 33.501</th>"
           "<th class=\"barcell\">timeline</th></tr></thead><tbody>\n";
    for (const auto* e : steps)
    {
        const NrSecuritySmcStepInfo* s = NrSecuritySmcStep(e->step);
        const double pct = (e->timeMs - t0) / span * 95.0;
        out << "<tr><td>" << e->step << "</td><td>" << Ms(e->timeMs) << "</td><td>"
            << Ms(e->timeMs - t0) << "</td><td>" << NrSecurityHtmlEscape(e->side) << "</td><td>"
            << NrSecurityHtmlEscape(e->text)
            << (s ? "<br><span class=\"meta\">" + NrSecurityHtmlEscape(s->what) + "</span>"
                  : std::string())
            << "</td><td>" << (s ? s->clause38331 : "") << "</td><td>" << (s ? s->clause33501 : "")
            << "</td><td class=\"barcell\"><div class=\"bar\" style=\"margin-left:" << Ms(pct)
            << "%;width:4px\"></div></td></tr>\n";
    }
    out << "</tbody></table>\n";
}

void
WriteKeyNode(std::ostream& out,
             const NrSecurityReport& r,
             size_t i,
             const std::map<size_t, std::vector<size_t>>& children)
{
    const NrSecurityReportKey& k = r.keys[i];
    out << "<li><div class=\"node\"><b>" << NrSecurityHtmlEscape(k.name)
        << "</b> <span class=\"mono kv\">" << k.hex
        << "</span><span class=\"kvh\">(hidden)</span> <span class=\"meta\">"
        << NrSecurityHtmlEscape(k.side) << "</span></div>";
    if (!k.parent.empty() || !k.inputs.empty())
    {
        out << "<div class=\"edge\">"
            << NrSecurityHtmlEscape(k.parent.empty() ? "" : "from " + k.parent)
            << (k.clause.empty() ? "" : " &middot; " + NrSecurityHtmlEscape(k.clause));
        if (!k.inputs.empty())
        {
            out << "<pre>";
            std::istringstream in(k.inputs);
            std::string line;
            while (std::getline(in, line))
            {
                // The KDF output and the kept bytes are the key itself: hidden with the keys.
                const bool secret = line.rfind("HMAC", 0) == 0 || line.rfind(k.name + " =", 0) == 0;
                out << (secret ? "<span class=\"kv\">" : "") << NrSecurityHtmlEscape(line)
                    << (secret ? "\n</span><span class=\"kvh\">"
                                     + NrSecurityHtmlEscape(line.substr(0, line.find(" = ")))
                                     + " = (hidden)\n</span>"
                               : "\n");
            }
            out << "</pre>";
        }
        out << "</div>";
    }
    auto c = children.find(i);
    if (c != children.end())
    {
        out << "<ul>";
        for (size_t j : c->second)
        {
            WriteKeyNode(out, r, j, children);
        }
        out << "</ul>";
    }
    out << "</li>\n";
}

/// The key hierarchy: K_AMF at the root, each K_gNB under the key it came from.
void
WriteKeys(std::ostream& out, const NrSecurityReport& r)
{
    std::map<size_t, std::vector<size_t>> children;
    std::vector<size_t> roots;
    size_t lastAmf = SIZE_MAX;
    size_t lastGnb = SIZE_MAX;
    for (size_t i = 0; i < r.keys.size(); ++i)
    {
        const auto& k = r.keys[i];
        size_t parent = SIZE_MAX;
        if (k.name == "K_AMF")
        {
            lastAmf = i;
        }
        else if (k.name == "K_gNB")
        {
            parent = k.parent == "K_AMF" ? lastAmf : lastGnb;
            lastGnb = i;
        }
        else
        {
            parent = lastGnb;
        }
        (parent == SIZE_MAX ? roots : children[parent]).push_back(i);
    }
    out << "<div class=\"tree\" id=\"keytree\"><ul>\n";
    for (size_t i : roots)
    {
        WriteKeyNode(out, r, i, children);
    }
    out << "</ul></div>\n";
}

void
WritePdus(std::ostream& out, const NrSecurityReport& r)
{
    out << "<p class=\"noprint\">Click a row: its bytes split into header / ciphered payload / "
           "MAC-I, the payload in clear, the MAC-I recomputed, and the nr-security-calc commands "
           "that redo both.</p>\n<div class=\"wrap\"><table id=\"pdus\"><thead><tr><th>#</th>"
           "<th>time (ms)</th><th>side</th><th>dir</th><th>RB</th><th>SN</th><th>COUNT</th>"
           "<th>ciphered</th><th>MAC-I</th><th>outcome</th><th>content</th></tr></thead><tbody>\n";
    size_t n = 0;
    for (const auto& p : r.pdus)
    {
        ++n;
        out << "<tr id=\"pdu-" << n << "\" data-rb=\"" << p.rb << "\" data-dir=\""
            << (p.uplink ? "UL" : "DL") << "\" data-side=\"" << NrSecurityHtmlEscape(p.side)
            << "\" data-count=\"" << (p.countKnown ? std::to_string(p.count) : "")
            << "\" data-what=\"" << NrSecurityHtmlEscape(p.what) << "\""
            << (p.failure ? " class=\"fail\"" : "") << "><td>" << n << "</td><td>" << Ms(p.timeMs)
            << "</td><td>" << NrSecurityHtmlEscape(p.side) << "</td><td>"
            << (p.uplink ? "UL" : "DL") << "</td><td>" << p.rb << "</td><td>"
            << (p.snKnown ? std::to_string(p.sn) : "-") << "</td><td>"
            << (p.countKnown ? std::to_string(p.count) : "-") << "</td><td>"
            << (p.ciphered ? "yes" : "no") << "</td><td class=\"h\">"
            << (p.macIPresent ? NrSecurityToHex32(p.macI) : "-") << "</td><td>"
            << NrSecurityHtmlEscape(p.outcome) << "</td><td>" << NrSecurityHtmlEscape(p.what)
            << "</td></tr>\n";
    }
    out << "</tbody></table></div>\n<section id=\"detail\"><p>No PDU selected.</p></section>\n";
}

void
WriteData(std::ostream& out, const NrSecurityReport& r)
{
    out << "<script>\nvar PDUS=[\n";
    for (const auto& p : r.pdus)
    {
        const size_t body = p.headerBytes + p.sdapBytes;
        const size_t macAt = p.pdu.size() >= p.macBytes ? p.pdu.size() - p.macBytes : 0;
        const bool split = p.headerBytes > 0;
        const std::string plain
            = p.plainKnown ? Hex(p.plain, 0, p.plain.size() - p.macBytes) : std::string();
        const std::string macClr = p.plainKnown && p.macBytes
                                       ? Hex(p.plain, p.plain.size() - p.macBytes, p.plain.size())
                                       : std::string();
        const bool nia = p.xmacKnown || (p.security.integrityActive && p.macIPresent);
        const uint32_t snBits = p.rb.rfind("DRB", 0) == 0 && p.headerBytes == 3 ? 18 : 12;
        out << "{side:" << Js(p.side) << ",rb:" << Js(p.rb) << ",dir:" << Js(p.uplink ? "UL" : "DL")
            << ",sn:" << p.sn << ",snBits:" << snBits << ",hfn:" << (p.count >> snBits)
            << ",count:" << p.count << ",countKnown:" << (p.countKnown ? "true" : "false")
            << ",bearer:" << unsigned(p.bearer) << ",outcome:" << Js(p.outcome)
            << ",what:" << Js(p.what)
            << ",hdr:" << Js(split ? Hex(p.pdu, 0, p.headerBytes) : std::string())
            << ",sdap:" << Js(split ? Hex(p.pdu, p.headerBytes, body) : std::string())
            << ",body:" << Js(split ? Hex(p.pdu, body, macAt) : NrSecurityToHex(p.pdu))
            << ",macAir:" << Js(split ? Hex(p.pdu, macAt, p.pdu.size()) : std::string())
            << ",plainKnown:" << (p.plainKnown ? "true" : "false") << ",plain:" << Js(plain)
            << ",macClr:" << Js(macClr) << ",cip:"
            << (p.security.cipheringActive && p.security.nea != NrSecurityCiphering::NEA0 ? "true"
                                                                                          : "false")
            << ",nea:" << Js(NrSecurityAlgorithms::Name(p.security.nea))
            << ",kenc:" << Js(NrSecurityToHex(p.security.kEnc))
            << ",nia:" << Js(nia ? NrSecurityAlgorithms::Name(p.security.nia) : std::string())
            << ",kint:" << Js(NrSecurityToHex(p.security.kInt))
            << ",xmac:" << Js(p.xmacKnown ? NrSecurityToHex32(p.xmac) : std::string())
            << ",xnote:" << Js(p.xmacNote) << "},\n";
    }
    out << "];\n</script>\n";
}

} // namespace

void
NrSecurityWriteReportHtml(std::ostream& out, const NrSecurityReport& r)
{
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        << NrSecurityHtmlEscape(r.title) << "</title>\n<style>" << kStyle
        << "</style></head>\n<body class=\"hidekeys\">\n<h1>" << NrSecurityHtmlEscape(r.title)
        << "</h1>\n<p class=\"summary\" id=\"summary\">" << NrSecurityHtmlEscape(r.summary) << ". "
        << r.messages.size() << " messages, " << r.pdus.size() << " PDCP PDU events.</p>\n"
        << "<p class=\"tools\"><button id=\"keys-toggle\" type=\"button\">Show keys</button>"
           "<button id=\"print\" type=\"button\">Print</button></p>\n";
    size_t failures = 0;
    for (const auto& e : r.events)
    {
        failures += e.failure ? 1 : 0;
    }
    out << "<section><h2>1. Sequence chart</h2>\n";
    WriteChart(out, r);
    out << "</section>\n<section><h2>2. Steps 26-33 (AS security)</h2>\n";
    WriteSteps(out, r);
    out << "</section>\n<section><h2>3. Key hierarchy</h2>\n<p class=\"meta\">Each key with the "
           "KDF inputs that made it from the key above (TS 33.220 B.2: S = FC || P0 || L0 || P1 "
           "|| L1). Key bytes are hidden until <i>Show keys</i>.</p>\n";
    WriteKeys(out, r);
    out << "</section>\n<section><h2>4. PDCP PDUs (both ends)</h2>\n";
    WritePdus(out, r);
    out << "</section>\n<section><h2>5. Failures (" << failures << ")</h2>\n<ul id=\"failures\">\n";
    for (const auto& e : r.events)
    {
        if (e.failure)
        {
            out << "<li class=\"fail\">" << Ms(e.timeMs) << " ms, " << NrSecurityHtmlEscape(e.side)
                << ": " << NrSecurityHtmlEscape(e.text) << "</li>\n";
        }
    }
    if (failures == 0)
    {
        out << "<li>none: no integrity failure, SecurityModeFailure, release or discard</li>\n";
    }
    out << "</ul></section>\n<section><h2>6. All events</h2>\n<div class=\"wrap\"><table "
           "id=\"events\"><thead><tr><th>time (ms)</th><th>side</th><th>event</th><th>step</th>"
           "<th>detail</th></tr></thead><tbody>\n";
    for (const auto& e : r.events)
    {
        out << "<tr" << (e.failure ? " class=\"fail\"" : "") << "><td>" << Ms(e.timeMs)
            << "</td><td>" << NrSecurityHtmlEscape(e.side) << "</td><td>" << e.kind << "</td><td>"
            << (e.step ? std::to_string(e.step) : "") << "</td><td>" << NrSecurityHtmlEscape(e.text)
            << "</td></tr>\n";
    }
    out << "</tbody></table></div></section>\n";
    WriteData(out, r);
    out << "<script>" << kScript << "</script>\n</body></html>\n";
}

} // namespace ns3
