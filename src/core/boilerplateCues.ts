/**
 * Cue patterns for boilerplate lines in Chinese web text: the words sites put in headers, share bars,
 * related-article lists, contact blocks and licence footers. Patterns are written once in Simplified and
 * widened to every Traditional form at compile time (来源 also matches 來源), because scraped pages come in
 * both scripts and auto-converted sites mix them (聯系我們).
 */
import { SIMPLIFIED_ONLY, SIMPLIFIED_ONLY_TARGETS, TRADITIONAL_ONLY, TRADITIONAL_ONLY_TARGETS } from './generated/openccTables';
import { isHanCodePoint } from './text';

/** Why a run of lines is boilerplate. */
export type BoilerplateReason =
  | 'header'
  | 'navigation'
  | 'footer'
  | 'share-bar'
  | 'related'
  | 'contact'
  | 'licence'
  | 'comments'
  | 'calendar'
  | 'advert'
  | 'search-stub'
  | 'repeated'
  | 'user';

/**
 * How a cue counts. `field`: a `key：value` label such as 来源： or 点击数: (a line with two is a header
 * whatever its length). `phrase`: a word that marks a short line (分享到, 上一篇). `anchor`: a cue that marks
 * even a long line when the line starts with it or when it is specific enough (版权声明：…, 浙ICP备12033620号).
 */
export type CueKind = 'field' | 'phrase' | 'anchor';

interface CueGroup {
  readonly reason: BoilerplateReason;
  readonly kind: CueKind;
  /** Regular-expression sources in Simplified script, matched case-insensitively on one line. */
  readonly patterns: readonly string[];
}

/** Start of a field label: the line start or a space before it, so 作者 inside a sentence does not count. */
const AT_FIELD = '(?:^|(?<=[\\s\\u3000|｜(（【\\[]))';
const COLON = '\\s*[:：]';

const CUE_GROUPS: readonly CueGroup[] = [
  {
    reason: 'header',
    kind: 'field',
    patterns: [
      `${AT_FIELD}(?:文章|信息|新闻|稿件|图片)?(?:来源|稿源|出处|供稿|作者|编辑|责任编辑|责编|编审|审核|审稿|校对|撰稿|摄影|通讯员|发布者|发布人|发稿人|录入|发布时间|发布日期|发表时间|发表日期|发文日期|更新时间|更新日期|时间|日期|点击数|点击|点击量|点击率|浏览|浏览量|浏览次数|阅读|阅读量|阅读数|阅读次数|访问量|访问次数|人气|字号|字体|栏目|分类|类别)${COLON}`,
      `${AT_FIELD}(?:点击|浏览|阅读|评论|访问|人气|收藏|点赞|转发)(?:数|量|次数)?\\s*[(（]\\s*\\d+\\s*[)）]`,
      `${AT_FIELD}(?:发表于|发布于|更新于)${COLON}?\\s*\\d`,
      '(?:阅读|点击|浏览|访问|人气)(?:次数|量|数)?\\s*[:：]?\\s*\\d+\\s*次',
      '\\((?:责编|编辑|责任编辑)[:：][^)]*\\)',
    ],
  },
  {
    reason: 'licence',
    kind: 'anchor',
    patterns: [
      'copyright',
      '©',
      '\\(c\\)\\s*\\d{4}',
      'all\\s+rights\\s+reserved',
      'icp[备证]',
      'icp\\s*\\d{6,}',
      '公网安备',
      '网站标识码',
      '网站识别码',
      '(?:经营|备案|出版|服务|视听节目|新闻信息服务)许可证',
      '许可证(?:号|编号)',
      '版权所有',
      `^\\s*(?:版权|免责|隐私|法律)(?:声明|条款|说明|政策)`,
      '不得(?:转载|复制|镜像)',
      '未经.{0,16}(?:授权|许可|同意).{0,16}(?:转载|复制|镜像|使用)',
      '转载请注明',
      'powered\\s+by',
      `^\\s*(?:技术支持|主办单位|主办|承办单位|承办|协办|运营|维护单位)${COLON}`,
    ],
  },
  {
    reason: 'licence',
    kind: 'phrase',
    patterns: ['(?:版权|免责|隐私|法律)(?:声明|条款|政策)', '隐私保护', '使用条款', '服务条款', '网站声明'],
  },
  {
    reason: 'contact',
    kind: 'field',
    patterns: [
      `${AT_FIELD}(?:地址|通讯地址|联系地址|单位地址|邮编|邮政编码|电话|联系电话|服务电话|热线|咨询电话|举报电话|传真|电话\\s*[&/、]\\s*传真|邮箱|电子邮箱|电子邮件|e-?mail|qq|微信|微博|联系人)${COLON}`,
    ],
  },
  {
    reason: 'contact',
    kind: 'phrase',
    patterns: ['联系我们', '联系方式', '关于我们', '广告服务', '广告合作', '商务合作', '人才招聘', '招聘信息', '意见反馈', '反馈意见', '网站简介', '公司简介', '加入我们', '帮助中心'],
  },
  {
    reason: 'share-bar',
    kind: 'phrase',
    patterns: [
      '分享到',
      '分享',
      '扫一扫',
      '扫码',
      '二维码',
      '打印',
      '关闭窗口',
      '关闭本页',
      '字体[:：]?\\s*[【\\[]?大\\s*中\\s*小',
      '[【\\[]\\s*大\\s*[】\\]]?\\s*[【\\[]?\\s*中\\s*[】\\]]?\\s*[【\\[]?\\s*小\\s*[】\\]]',
      '(?:^|\\s)大\\s+中\\s+小(?:\\s|$)',
      '放大\\s*缩小',
      '小字号',
      '大字号',
      '收藏本(?:页|站|文)',
      '加入收藏',
      '发送给(?:朋友|好友)',
      '推荐给(?:朋友|好友)',
      '返回(?:顶部|页首|首页|列表|上一页|目录)',
      '回到顶部',
      '[纠糾]错',
      '复制链接',
      '手机(?:版|阅读|访问|打开)',
      '在手机(?:上)?打开',
    ],
  },
  {
    reason: 'related',
    kind: 'phrase',
    patterns: [
      '相关(?:阅读|新闻|报道|文章|链接|推荐|内容|专题|资讯|信息|视频|搜索|评论|热词)',
      '延伸阅读',
      '推荐阅读',
      '扩展阅读',
      '热门(?:文章|推荐|新闻|排行|点击|标签|话题|专题|阅读)',
      '热点(?:新闻|推荐|专题|排行)',
      '精彩(?:推荐|回顾|专题|图片|阅读)',
      '上一篇',
      '下一篇',
      '上一页',
      '下一页',
      '上一条',
      '下一条',
      '猜你喜欢',
      '为你推荐',
      '为您推荐',
      '排行榜',
      '阅读排行',
      '点击排行',
      '同一栏目',
      '同类(?:文章|新闻)',
      '友情[链鏈鍊连]接',
      '合作网站',
      '更多(?:新闻|文章|内容|精彩|>>|»)',
      '更多\\.{2,}',
      '^\\s*更多\\s*$',
      '查看更多',
      '点击(?:查看|阅读|进入)',
      '(?:第\\s*\\d+\\s*页\\s*/\\s*共\\s*\\d+\\s*页|共\\s*\\d+\\s*页)',
    ],
  },
  {
    reason: 'navigation',
    kind: 'phrase',
    patterns: [
      '当前位置',
      '您的位置',
      '你的位置',
      '现在的位置',
      '所在位置',
      '首页\\s*[>›»/]',
      '[>›»]\\s*正文',
      '网站地图',
      '网站导航',
      '设为首页',
      '切换导航',
      '(?:^|\\s)(?:登录|注册|退出)(?:\\s*[|/｜]\\s*(?:登录|注册|退出))+',
      '^\\s*(?:登录|注册|退出|首页|搜索|主页|导航|菜单|返回|订阅|下载|帮助)\\s*$',
      '无障碍',
      '繁体版|简体版|繁體|简体|english\\s*$',
    ],
  },
  {
    reason: 'comments',
    kind: 'phrase',
    patterns: [
      '(?:发表|网友|文章|最新|我要|查看|全部|热门|精彩)评论',
      '评论\\s*[(（]\\s*\\d+',
      '\\d+\\s*(?:篇|条|件|个|则)\\s*(?:评论|回复|留言|跟帖)',
      '(?:^|\\s|】|〗|\\])(?:回复|回帖|跟帖|引用)\\s*[:：]',
      '回复(?:线索|本贴|本帖|此贴|此帖)',
      '(?:本贴|本帖)由',
      '跟从标题',
      '查看完整版本',
      'trackback',
      '引用通告',
      '^\\s*#\\s*re\\s*:',
      '^\\s*re\\s*[:：]',
      '(?:网友|用户)留言',
      '留言(?:板|簿)',
      '验证码',
    ],
  },
  {
    reason: 'advert',
    kind: 'phrase',
    patterns: ['^\\s*[(（【\\[]?\\s*(?:广告|推广|赞助|ad|ads|advertisement)\\s*[)）】\\]]?\\s*$', '广告位', '招商'],
  },
  {
    reason: 'search-stub',
    kind: 'phrase',
    patterns: ['^\\s*(?:baidu|google|sogou|bing|yahoo|yandex|360|so|百度|谷歌|搜狗|必应|雅虎)(?:\\s*(?:搜索|search))?\\s*$'],
  },
];

export interface CompiledCues {
  /** One global, multiline, case-insensitive regular expression with one capture group per cue group. */
  readonly regex: RegExp;
  /** For capture group i + 1: its cue group. */
  readonly groups: readonly CueGroup[];
}

let compiled: CompiledCues | undefined;

/** The built-in cues, compiled on first use into a single pass over the text. */
export function builtinCues(): CompiledCues {
  if (!compiled) {
    const source = CUE_GROUPS.map((g) => `(${g.patterns.map(widenScripts).join('|')})`).join('|');
    compiled = { regex: new RegExp(source, 'gim'), groups: CUE_GROUPS };
  }
  return compiled;
}

/** The reasons in the order a block's reason is preferred when several occur equally often. */
export const REASON_PRIORITY: readonly BoilerplateReason[] = [
  'header',
  'licence',
  'contact',
  'share-bar',
  'related',
  'comments',
  'calendar',
  'advert',
  'search-stub',
  'user',
  'repeated',
  'navigation',
  'footer',
];

export interface UserCues {
  /** Patterns that compiled, each global and multiline so one scan covers the whole text. */
  readonly regexes: readonly RegExp[];
  /** Entries that were empty or not valid regular expressions: ignored, reported so the editor can say so. */
  readonly ignored: readonly string[];
}

/**
 * Compiles user cues. A cue written `/…/flags` is a regular expression (flags i, u, s allowed); anything else is
 * a literal substring, matched case-insensitively in either script. Invalid entries are ignored, never thrown.
 */
export function compileUserCues(cues: readonly string[] | undefined): UserCues {
  const regexes: RegExp[] = [];
  const ignored: string[] = [];
  for (const cue of cues ?? []) {
    if (typeof cue !== 'string' || cue.trim() === '') {
      ignored.push(String(cue));
      continue;
    }
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(cue);
    try {
      if (literal) {
        const flags = literal[2]!;
        if (/[^ius]/.test(flags)) throw new Error('unsupported flags');
        const regex = new RegExp(widenScripts(literal[1]!), 'gm' + flags);
        // A pattern that matches the empty string would mark every line.
        if (new RegExp(regex.source, flags).test('')) throw new Error('matches the empty string');
        regexes.push(regex);
      } else {
        regexes.push(new RegExp(widenScripts(escapeRegExp(cue.trim())), 'gim'));
      }
    } catch {
      ignored.push(cue);
    }
  }
  return { regexes, ignored };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

let variants: Map<number, string> | undefined;

/** For each Han character with script variants: all its forms (来 → 来來, 來 → 來来), BMP characters only. */
function scriptVariants(): Map<number, string> {
  if (!variants) {
    // Union-find over the one-script tables: a character and its usual counterpart share a group.
    const parent = new Map<string, string>();
    const find = (c: string): string => {
      let root = c;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      parent.set(c, root);
      return root;
    };
    const join = (from: string, to: string): void => {
      const f = [...from];
      const t = [...to];
      f.forEach((c, i) => {
        const a = find(c);
        const b = find(t[i]!);
        if (a !== b) parent.set(a, b);
      });
    };
    join(SIMPLIFIED_ONLY, SIMPLIFIED_ONLY_TARGETS);
    join(TRADITIONAL_ONLY, TRADITIONAL_ONLY_TARGETS);
    const members = new Map<string, string>();
    for (const c of parent.keys()) {
      if (c.length !== 1) continue; // astral forms would split into surrogates inside a non-Unicode class
      const root = find(c);
      members.set(root, (members.get(root) ?? '') + c);
    }
    variants = new Map();
    for (const c of parent.keys()) if (c.length === 1) variants.set(c.charCodeAt(0), members.get(find(c))!);
  }
  return variants;
}

const HORIZONTAL_SPACE = ' \\t\\u00a0\\u3000\\u2000-\\u200b\\ufeff';

/**
 * Widens every Han character of a regular-expression source to a class of its script variants, so a cue
 * written 来源 also matches 來源. Inside an existing character class the variants are simply added. `\\s` becomes
 * horizontal space only, so no pattern crosses a line break.
 */
export function widenScripts(source: string): string {
  const table = scriptVariants();
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      // \s would let a cue run across a line break (^\s* reaching into the next line): keep it within the line.
      if (next === 's') out += inClass ? HORIZONTAL_SPACE : `[${HORIZONTAL_SPACE}]`;
      else out += ch + next;
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    const cp = source.codePointAt(i)!;
    const char = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    const forms = isHanCodePoint(cp) ? table.get(cp) : undefined;
    if (forms && forms.length > 1) out += inClass ? forms : `[${forms}]`;
    else out += char;
  }
  return out;
}
