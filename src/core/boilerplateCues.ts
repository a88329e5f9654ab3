/**
 * Cue words for boilerplate lines in Chinese web text: what sites put in headers, share bars, related-article
 * lists, contact blocks and licence footers. Cues are written once in Simplified; the text is folded to one
 * script character by character while it is scanned (來源 reads as 来源), because scraped pages come in both
 * scripts and auto-converted sites mix them (聯系我們).
 *
 * A cue is a keyword with optional conditions on where it starts and what follows it. The scan looks up each
 * position by its first two folded characters, so it costs a table read per character whatever the number
 * of cues: one large alternation regular expression was ten times slower on a 10 MB file.
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
  | 'forum'
  | 'feed'
  | 'navbox'
  | 'categories'
  | 'error-page'
  | 'user';

/** The reasons in the order a block's reason is preferred when several occur equally often. */
export const REASON_PRIORITY: readonly BoilerplateReason[] = [
  'error-page',
  'header',
  'navbox',
  'categories',
  'licence',
  'contact',
  'share-bar',
  'feed',
  'related',
  'forum',
  'comments',
  'calendar',
  'advert',
  'search-stub',
  'user',
  'repeated',
  'navigation',
  'footer',
];

/**
 * How a cue counts. `field`: a `key：value` label such as 来源： or 点击数: (a line with two is a header
 * whatever its length). `phrase`: a word that marks a short line (分享到, 上一篇). `anchor`: a cue that marks
 * even a long line when the line starts with it or when it is specific enough (版权声明：…, 浙ICP备12033620号).
 */
export type CueKind = 'field' | 'phrase' | 'anchor';

export interface CueSpec {
  readonly reason: BoilerplateReason;
  readonly kind: CueKind;
  /** Keywords in Simplified script, separated by spaces; Latin letters match in any case. */
  readonly words: string;
  /**
   * Where a keyword may start. `field`: at the line start or after a space, bracket or bar, as a label does
   * (so 作者 inside a sentence does not count); `start`: only spaces or opening brackets before it on the line.
   */
  readonly at?: 'field' | 'start';
  /** A regular-expression source that must match right after the keyword (`\s` never crosses the line). */
  readonly then?: string;
  /** A regular-expression source that must match the text just before the keyword (up to 16 characters). */
  readonly before?: string;
  /** A field naming a source, an author or a date (来源：, 作者：): with a value the line is a byline. */
  readonly attribution?: boolean;
  /** A link that belongs to the section heading beside it (更多, 更多>>): on a line of its own it decides no neighbours. */
  readonly headingLink?: boolean;
}

const COLON = '\\s*[:：]';
const ALONE = '\\s*$';

/** Every head joined to every tail: combine('相关', '阅读 新闻') → '相关阅读 相关新闻'. */
const combine = (heads: string, tails: string): string => heads.split(' ').flatMap((h) => tails.split(' ').map((t) => h + t)).join(' ');

/** Header fields that say where, when and by whom a text appeared: with a value they make a byline. */
const ATTRIBUTION_FIELDS =
  '来源 原标题 稿源 出处 供稿 作者 编辑 责任编辑 责编 编审 审核 审稿 校对 撰稿 摄影 通讯员 发布者 发布人 发稿人 录入 ' +
  '发布时间 发布日期 发表时间 发表日期 发文日期 更新时间 更新日期 时间 日期 发布单位';
/** Header fields that count or file a page (点击数, 栏目): furniture even with a value. */
const COUNTER_FIELDS = '点击数 点击 点击量 点击率 浏览 浏览量 浏览次数 阅读 阅读量 阅读数 阅读次数 访问量 访问次数 人气 栏目 分类 类别 点阅 点阅数 点阅率 浏览人次';

export const CUES: readonly CueSpec[] = [
  // An encyclopedia's category line (分类：…), before the header fields that also list 分类.
  { reason: 'categories', kind: 'anchor', at: 'start', words: '分类 隐藏分类 页面分类 词条分类 所属分类 开放分类', then: COLON },
  // Share and print bars first: 字体 and 字号 with 大 中 小 are font controls, not header fields.
  { reason: 'share-bar', kind: 'phrase', words: '字体 字号', then: '\\s*[:：]?\\s*[【\\[]?\\s*大\\s*[】\\]]?\\s*[【\\[]?\\s*中' },
  { reason: 'share-bar', kind: 'phrase', words: '【大 [大', then: '\\s*[】\\]]?\\s*[【\\[]?\\s*中' },
  { reason: 'share-bar', kind: 'phrase', words: '放大', then: '\\s*[|/]?\\s*缩小' },
  {
    reason: 'share-bar',
    kind: 'phrase',
    words:
      '分享到 分享 扫一扫 扫码 二维码 打印 关闭窗口 关闭本页 小字号 大字号 收藏本页 收藏本站 收藏本文 加入收藏 发送给朋友 ' +
      '发送给好友 推荐给朋友 推荐给好友 返回顶部 返回页首 返回首页 返回列表 返回上一页 返回目录 回到顶部 纠错 复制链接 ' +
      '手机版 手机阅读 手机访问 手机打开 在手机上打开 在手机打开 ' +
      // Taiwan and Hong Kong sites' words for the same controls (written in Simplified, matched folded).
      '列印 分享至 关闭视窗 复制连结',
  },

  {
    reason: 'header',
    kind: 'field',
    at: 'field',
    words: `${ATTRIBUTION_FIELDS} ${combine('文章 信息 新闻 稿件 图片', ATTRIBUTION_FIELDS)}`,
    then: COLON,
    attribution: true,
  },
  { reason: 'header', kind: 'field', at: 'field', words: `${COUNTER_FIELDS} ${combine('文章 信息 新闻 稿件 图片', COUNTER_FIELDS)}`, then: COLON },
  { reason: 'header', kind: 'field', at: 'field', words: '点击 浏览 阅读 评论 访问 人气 收藏 点赞 转发', then: '(?:数|量|次数)?\\s*[(（]\\s*\\d+\\s*[)）]' },
  { reason: 'header', kind: 'field', at: 'field', words: '发表于 发布于 更新于', then: '\\s*[:：]?\\s*\\d' },
  { reason: 'header', kind: 'field', words: '阅读 点击 浏览 访问 人气', then: '(?:次数|量|数)?\\s*[:：]?\\s*\\d+\\s*次' },
  { reason: 'header', kind: 'phrase', words: '阅览者 访问者 读者', before: '第\\s*\\d+\\s*[个位名]\\s*$' },
  { reason: 'header', kind: 'phrase', at: 'start', words: '转自 转载自 摘自 选自' },

  { reason: 'licence', kind: 'anchor', words: 'copyright © 版权所有 公网安备 网站标识码 网站识别码 许可证 icp备 icp证 转载请注明 不得转载 不得复制 不得镜像' },
  { reason: 'licence', kind: 'anchor', words: '(c)', then: '\\s*\\d{4}' },
  { reason: 'licence', kind: 'anchor', words: 'all', then: '\\s+rights\\s+reserved' },
  { reason: 'licence', kind: 'anchor', words: 'icp', then: '\\s*\\d{6}' },
  { reason: 'licence', kind: 'anchor', words: 'powered', then: '\\s+by' },
  { reason: 'licence', kind: 'anchor', words: '未经', then: '.{0,16}(?:授权|许可|同意).{0,16}(?:转载|复制|镜像|使用)' },
  { reason: 'licence', kind: 'anchor', at: 'start', words: combine('版权 免责 隐私 法律', '声明 条款 说明 政策') },
  // A portal's note that a self-media post is not its own (特别声明：本文为网易自媒体平台"网易号"作者上传并发布…).
  { reason: 'licence', kind: 'anchor', at: 'start', words: '特别声明', then: COLON },
  { reason: 'licence', kind: 'anchor', words: '自媒体平台', then: '.{0,30}(?:发布|上传|观点|立场)' },
  { reason: 'licence', kind: 'anchor', at: 'start', words: '技术支持 主办单位 主办 承办单位 承办 协办 运营 维护单位', then: COLON },
  { reason: 'licence', kind: 'phrase', words: `${combine('版权 免责 隐私 法律', '声明 条款 政策')} 隐私保护 使用条款 服务条款 网站声明 反侵权 侵权举报 版权合作` },

  {
    reason: 'contact',
    kind: 'field',
    at: 'field',
    words:
      '地址 通讯地址 联系地址 单位地址 邮编 邮政编码 电话 联系电话 服务电话 热线 咨询电话 举报电话 传真 邮箱 电子邮箱 ' +
      '电子邮件 email e-mail qq 微信 微博 联系人 联络人 联络电话',
    then: COLON,
  },
  { reason: 'contact', kind: 'field', at: 'field', words: '电话', then: '\\s*[&/、]\\s*传真\\s*[:：]' },
  { reason: 'contact', kind: 'phrase', words: '联系我们 联系方式 联络我们 联络方式 关于我们 广告服务 广告合作 商务合作 人才招聘 招聘信息 意见反馈 反馈意见 网站简介 公司简介 加入我们 帮助中心' },

  {
    reason: 'related',
    kind: 'phrase',
    words:
      combine('相关', '阅读 新闻 报道 文章 链接 推荐 内容 专题 资讯 信息 视频 搜索 评论 热词') +
      ' 延伸阅读 推荐阅读 扩展阅读 ' +
      combine('热门', '文章 推荐 新闻 排行 点击 标签 话题 专题 阅读') +
      ' 热点新闻 热点推荐 热点专题 热点排行 精彩推荐 精彩回顾 精彩专题 精彩图片 精彩阅读 上一篇 下一篇 上一页 下一页 上一条 下一条 ' +
      '猜你喜欢 为你推荐 为您推荐 排行榜 阅读排行 点击排行 同一栏目 同类文章 同类新闻 友情链接 合作网站 查看更多 点击查看 点击阅读 点击进入 ' +
      '点击此处 点击这里 点击看 查看大图 相关连结 友情连结 检视更多 ' +
      combine('最新', '动态 文章 消息 资讯 新闻 更新 发布 公告 推荐 日志 帖子 回复 主题') +
      ' 图片聚焦 热点聚焦 焦点图片 焦点新闻',
  },
  { reason: 'related', kind: 'phrase', words: '更多', then: '\\s*(?:新闻|文章|内容|精彩|>>|»|\\.{2,}|…)', headingLink: true },
  { reason: 'related', kind: 'phrase', at: 'start', words: '更多', then: ALONE, headingLink: true },
  { reason: 'related', kind: 'phrase', words: '第', then: '\\s*\\d+\\s*页\\s*/\\s*共\\s*\\d+\\s*页' },
  { reason: 'related', kind: 'phrase', words: '共', then: '\\s*\\d+\\s*页' },

  { reason: 'navigation', kind: 'phrase', words: '当前位置 您的位置 你的位置 现在的位置 所在位置 网站地图 网站导航 设为首页 切换导航 无障碍 繁体版 简体版 繁体 简体' },
  { reason: 'navigation', kind: 'phrase', words: '首页', then: '\\s*[>›»/]' },
  // A breadcrumb trail: two or more of » › > >> on a line (首页 » 新闻 » 本地).
  { reason: 'navigation', kind: 'phrase', words: '» › >> >', then: '[^>›»\\n]{1,30}[>›»]' },
  { reason: 'navigation', kind: 'phrase', at: 'field', words: '登录 登入 注册 退出 登出', then: '\\s*[|/｜]\\s*(?:登录|登入|注册|退出|登出)' },
  { reason: 'navigation', kind: 'phrase', at: 'start', words: '登录 登入 注册 退出 登出 首页 搜索 搜寻 主页 导航 菜单 选单 返回 订阅 下载 帮助', then: ALONE },
  { reason: 'navigation', kind: 'phrase', words: 'english', then: ALONE },

  {
    reason: 'comments',
    kind: 'phrase',
    words:
      '发表评论 网友评论 文章评论 最新评论 我要评论 查看评论 全部评论 热门评论 精彩评论 回复线索 回复本贴 回复本帖 回复此贴 ' +
      '回复此帖 本贴由 本帖由 跟从标题 查看完整版本 trackback 引用通告 网友留言 用户留言 留言板 留言簿 验证码 ' +
      // A blog's comment list and box are 留言 where a portal's are 评论.
      '留言列表 发表留言 我要留言 全部留言 查看留言',
  },
  { reason: 'comments', kind: 'phrase', words: '评论', then: '\\s*[(（]\\s*\\d+' },
  { reason: 'comments', kind: 'phrase', words: '评论 回复 留言 跟帖', before: '\\d+\\s*[篇条件个则]\\s*$' },
  { reason: 'comments', kind: 'phrase', at: 'field', words: '回复 回帖 跟帖 引用', then: COLON },
  { reason: 'comments', kind: 'phrase', at: 'start', words: '#', then: '\\s*re\\s*:' },
  { reason: 'comments', kind: 'phrase', at: 'start', words: 're', then: COLON },

  { reason: 'advert', kind: 'phrase', at: 'start', words: '广告 推广 赞助 ad ads advertisement', then: '\\s*[)）】\\]]?\\s*$' },
  { reason: 'advert', kind: 'phrase', words: '广告位 招商 这个广告 此广告 广告意见' },
  // Calls to leave the page for the app or to log in, and the old advice on screen size: one-liners of furniture.
  { reason: 'advert', kind: 'phrase', words: '下载 打开', then: '.{0,12}(?:app|客户端)' },
  { reason: 'advert', kind: 'phrase', words: '继续阅读 阅读全文 展开全文 付费内容' },
  { reason: 'comments', kind: 'phrase', words: '文明上网 理性发言 登录评论 发表看法' },
  { reason: 'footer', kind: 'phrase', words: '最佳浏览 浏览效果 分辨率', then: '.{0,20}\\d{3,4}\\s*[*×xX]\\s*\\d{3,4}' },
  { reason: 'footer', kind: 'phrase', words: '最佳浏览 建议使用' , then: '.{0,12}(?:浏览器|分辨率)' },
  { reason: 'navigation', kind: 'phrase', at: 'start', words: '← < ‹ «', then: '\\s*返回' },

  // Encyclopedia furniture: sister projects, the tagline, page tools, navbox controls, category lines.
  {
    reason: 'navigation',
    kind: 'phrase',
    words:
      '在其他项目中 维基共享资源 维基文库 维基导游 维基语录 维基新闻 维基数据 维基教科书 维基物种 自由的百科全书 编辑链接 ' +
      '查看历史 固定链接 页面信息 引用本页 链入页面 相关更改 特殊页面 上传文件 获取短链接 获取短url 可打印版 下载为pdf 开关目录 移至侧栏 ' +
      '编辑跨语言链接 百科名片 编辑词条 词条统计 浏览次数 最近更新',
  },

  // A forum board's chrome around the posts: status, counters, buttons, folded-floor notices.
  {
    reason: 'forum',
    kind: 'phrase',
    words:
      '当前离线 当前在线 发消息 电梯直达 只看该作者 只看楼主 倒序浏览 阅读模式 收起回复 送ta礼物 隐藏此楼 查看此楼 距离下一级还需 ' +
      '楼层疑似违规 快速回复 使用签名档 发表回复 回复本楼 举报本楼 审核通过 本帖最后由 帖子永久地址',
  },
  { reason: 'forum', kind: 'phrase', at: 'start', words: '楼主 沙发 板凳 地板 主题 帖子 积分 回复 回帖 举报 收藏 分享 引用 只看他 加关注 关注 粉丝 精华 签到 一键签到', then: '\\s*\\d*\\s*$' },

  {
    reason: 'search-stub',
    kind: 'phrase',
    at: 'start',
    words: 'baidu google sogou bing yahoo yandex 360 so 百度 谷歌 搜狗 必应 雅虎',
    then: '(?:\\s*(?:搜索|search))?\\s*$',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Folding

let foldTable: Uint16Array | undefined;

/**
 * One code unit per BMP code unit: Traditional-only characters to their usual Simplified form, A–Z and
 * full-width letters and digits to ASCII lower case, other spaces to a plain space.
 */
export function scriptFold(): Uint16Array {
  if (!foldTable) {
    const fold = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) fold[c] = c;
    for (let c = 0x41; c <= 0x5a; c++) fold[c] = c + 0x20;
    for (let c = 0xff01; c <= 0xff5e; c++) fold[c] = fold[c - 0xfee0]!;
    for (const c of [0x09, 0xa0, 0x3000, 0x200b, 0xfeff]) fold[c] = 0x20;
    const from = [...TRADITIONAL_ONLY, ...SHARED_TRADITIONAL];
    const to = [...TRADITIONAL_ONLY_TARGETS, ...SHARED_TRADITIONAL_TARGETS];
    from.forEach((t, i) => {
      const s = to[i]!;
      if (t.length === 1 && s.length === 1) fold[t.charCodeAt(0)] = s.charCodeAt(0);
    });
    foldTable = fold;
  }
  return foldTable;
}

/**
 * Traditional forms that are also ordinary characters in Simplified text, so the one-script tables leave them
 * alone, but which Traditional pages write inside cue words: 發表於 (于), 回覆 (复). Folding them is harmless
 * here because folding only serves cue matching.
 */
const SHARED_TRADITIONAL = '於覆';
const SHARED_TRADITIONAL_TARGETS = '于复';

function foldString(text: string): string {
  const fold = scriptFold();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(fold[text.charCodeAt(i)]!);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Matching

interface Entry {
  /** The keyword, folded. */
  readonly word: string;
  readonly spec: CueSpec;
  readonly then?: RegExp;
  readonly before?: RegExp;
}

/** A compiled set of cues: entries indexed by the first two folded characters of their keyword. */
export class CueMatcher {
  private readonly fold = scriptFold();
  private readonly starts = new Uint8Array(0x10000);
  private readonly byPair = new Map<number, Entry[]>();
  private readonly bySingle = new Map<number, Entry[]>();

  constructor(specs: readonly CueSpec[]) {
    for (const spec of specs) {
      const then = spec.then === undefined ? undefined : new RegExp(widenScripts(spec.then), 'iym');
      const before = spec.before === undefined ? undefined : new RegExp(widenScripts(spec.before), 'i');
      for (const raw of spec.words.split(' ')) {
        if (!raw) continue;
        const word = foldString(raw);
        const entry: Entry = { word, spec, ...(then ? { then } : {}), ...(before ? { before } : {}) };
        const c0 = word.charCodeAt(0);
        this.starts[c0] = 1;
        const map = word.length === 1 ? this.bySingle : this.byPair;
        const key = word.length === 1 ? c0 : c0 * 0x10000 + word.charCodeAt(1);
        const list = map.get(key) ?? [];
        list.push(entry);
        map.set(key, list);
      }
    }
    // Longest keyword first at a position, as an alternation would try it; equal lengths keep their order.
    for (const list of this.byPair.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  /**
   * Calls `found` for each cue in text[from, to) on the line that starts at `lineStart`, leftmost first and
   * without overlaps: after a match the scan continues behind it. `end` is where the match (keyword and `then`) ends.
   */
  scan(text: string, lineStart: number, from: number, to: number, found: (spec: CueSpec, offset: number, end: number) => void): void {
    const fold = this.fold;
    for (let i = from; i < to; ) {
      const c0 = fold[text.charCodeAt(i)]!;
      if (this.starts[c0] === 0) {
        i++;
        continue;
      }
      let next = -1;
      if (i + 1 < to) {
        const list = this.byPair.get(c0 * 0x10000 + fold[text.charCodeAt(i + 1)]!);
        if (list) next = this.tryEntries(list, text, lineStart, i, to);
      }
      if (next === -1) {
        const list = this.bySingle.get(c0);
        if (list) next = this.tryEntries(list, text, lineStart, i, to);
      }
      if (next === -1) i++;
      else {
        found(this.lastSpec!, i, next);
        i = next;
      }
    }
  }

  private lastSpec: CueSpec | undefined;

  /** The end of the first entry that matches at `i`, or -1. */
  private tryEntries(list: readonly Entry[], text: string, lineStart: number, i: number, to: number): number {
    const fold = this.fold;
    for (const e of list) {
      const w = e.word;
      if (i + w.length > to) continue;
      let k = 2;
      if (w.length < 2) k = 1;
      while (k < w.length && fold[text.charCodeAt(i + k)] === w.charCodeAt(k)) k++;
      if (k < w.length) continue;
      const at = e.spec.at;
      if (at === 'field' && i > lineStart && !isFieldBoundary(text.charCodeAt(i - 1))) continue;
      if (at === 'start' && !onlyOpenersBefore(text, lineStart, i)) continue;
      if (e.before && !e.before.test(text.slice(Math.max(lineStart, i - 16), i))) continue;
      let end = i + w.length;
      if (e.then) {
        e.then.lastIndex = end;
        const m = e.then.exec(text);
        if (!m) continue;
        end += m[0].length;
      }
      this.lastSpec = e.spec;
      return Math.max(end, i + 1);
    }
    return -1;
  }
}

function isFieldBoundary(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x7c || c === 0xff5c || c === 0x28 || c === 0xff08 || c === 0x5b ||
    c === 0x3010 || c === 0x3011 || c === 0x3016 || c === 0x3017 || c === 0x5d || c === 0xfeff
  );
}

function onlyOpenersBefore(text: string, lineStart: number, i: number): boolean {
  for (let k = lineStart; k < i; k++) {
    const c = text.charCodeAt(k);
    if (!(isSpaceLike(c) || c === 0x28 || c === 0xff08 || c === 0x5b || c === 0x3010 || c === 0x3016 || c === 0x300a || c === 0x3c || c === 0x3014)) return false;
  }
  return true;
}

function isSpaceLike(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b;
}

let builtin: CueMatcher | undefined;

/** The built-in cues, compiled on first use. */
export function builtinCues(): CueMatcher {
  builtin ??= new CueMatcher(CUES);
  return builtin;
}

// ---------------------------------------------------------------------------------------------------------
// User cues

/** A user's regular-expression cue, compiled for a linear-time engine: tested on one line at a time. */
export interface LinePattern {
  /** The cue as the user wrote it. */
  readonly source: string;
  test(line: string): boolean;
}

export interface UserCues {
  /** Literal cues, matched like the built-in ones (folded script, any letter case); undefined if none. */
  readonly literals: CueMatcher | undefined;
  /** Regular-expression cues, each tested on one line at a time, in time linear in the line. */
  readonly regexes: readonly LinePattern[];
  /** Entries that were empty or not valid regular expressions: ignored, reported so the editor can say so. */
  readonly ignored: readonly string[];
  /** Why each ignored entry was ignored, in the same order (English, for logs and the CLI). */
  readonly reasons?: readonly string[];
}

interface Re2Module {
  RE2JS: {
    compile(regex: string, flags?: number): { test(input: string): boolean };
    CASE_INSENSITIVE: number;
    DOTALL: number;
    MULTILINE: number;
  };
}

let re2: Re2Module | undefined;

/** re2js (RE2's automata: time linear in the input whatever the pattern), loaded with the first regex cue. */
function loadRe2(): Re2Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  re2 ??= require('zhdoc-vendor:re2') as Re2Module;
  return re2;
}

/**
 * JavaScript escapes RE2 spells otherwise: `\uXXXX` and `\u{…}` become `\x{…}`; everything else passes as written
 * (RE2 refuses backreferences and lookaround, which cannot run in linear time).
 */
function toRe2Syntax(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const rest = source.slice(i + 1);
    const braced = /^u\{([0-9a-fA-F]{1,6})\}/.exec(rest) ?? /^u([0-9a-fA-F]{4})/.exec(rest);
    if (braced) {
      out += `\\x{${braced[1]}}`;
      i += braced[0].length;
    } else {
      out += ch + (source[i + 1] ?? '');
      i++;
    }
  }
  return out;
}

/**
 * Compiles user cues. A cue written `/…/flags` is a regular expression (flags i, u, s allowed), tested on each
 * line by RE2 (linear time: a hostile `/(a|a)+$/` in a shared settings.json cannot freeze the editor); a
 * pattern RE2 cannot run (backreferences, lookaround) is refused with the reason. Anything else is a literal
 * substring, matched in either script and any letter case. Invalid entries are ignored and listed, never thrown.
 */
export function compileUserCues(cues: readonly string[] | undefined): UserCues {
  const regexes: LinePattern[] = [];
  const words: string[] = [];
  const ignored: string[] = [];
  const reasons: string[] = [];
  const ignore = (cue: string, why: string): void => {
    ignored.push(cue);
    reasons.push(why);
  };
  for (const cue of cues ?? []) {
    if (typeof cue !== 'string' || cue.trim() === '') {
      ignore(String(cue), 'empty');
      continue;
    }
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(cue);
    if (!literal) {
      // Keywords are split on spaces: a cue with inner spaces becomes one keyword per space-free piece of it.
      if (/\s/.test(cue.trim())) words.push(...cue.trim().split(/\s+/));
      else words.push(cue.trim());
      continue;
    }
    const flags = literal[2]!;
    if (/[^ius]/.test(flags) || new Set(flags).size !== flags.length) {
      ignore(cue, `unsupported flags "${flags}" (use i, u, s)`);
      continue;
    }
    let engine: Re2Module;
    try {
      engine = loadRe2();
    } catch {
      ignore(cue, 'the regular-expression engine is not loaded here');
      continue;
    }
    const { RE2JS } = engine;
    let compiled: { test(input: string): boolean };
    try {
      compiled = RE2JS.compile(toRe2Syntax(widenScripts(literal[1]!)), RE2JS.MULTILINE | (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('s') ? RE2JS.DOTALL : 0));
    } catch (e) {
      ignore(cue, `not a regular expression zhdoc can run in linear time (no backreferences or lookaround): ${String((e as Error).message ?? e).split('\n')[0]}`);
      continue;
    }
    // A pattern that matches the empty string would mark every line.
    if (compiled.test('')) {
      ignore(cue, 'matches the empty string');
      continue;
    }
    regexes.push({ source: cue, test: (line) => compiled.test(line) });
  }
  const literalCues = words.length ? new CueMatcher([{ reason: 'user', kind: 'phrase', words: words.join(' ') }]) : undefined;
  return { literals: literalCues, regexes, ignored, reasons };
}

// ---------------------------------------------------------------------------------------------------------
// Script widening of regular expressions

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
 * written 来源 also matches 來源. Inside an existing character class the variants are simply added. `\s` becomes
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
      if (next === 's') out += inClass ? HORIZONTAL_SPACE : `[${HORIZONTAL_SPACE}]`;
      else out += ch + next;
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    const cp = source.codePointAt(i)!;
    const char = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    // A range inside a class (`[发-哈]`) stays a range; the variants of its Han characters that fall outside it
    // are added after it, so 發 and 髮 join 发-哈 without turning the range around.
    const dash = i + 1;
    if (inClass && source[dash] === '-' && source[dash + 1] !== undefined && source[dash + 1] !== ']' && source[dash + 1] !== '\\') {
      const last = source.codePointAt(dash + 1)!;
      out += char + '-' + String.fromCodePoint(last);
      i = dash + (last > 0xffff ? 2 : 1);
      out += variantsOutside(table, cp, last);
      continue;
    }
    const forms = isHanCodePoint(cp) ? table.get(cp) : undefined;
    if (forms && forms.length > 1) out += inClass ? forms : `[${forms}]`;
    else out += char;
  }
  return out;
}

/** Script variants of the Han characters in [first, last] that are not themselves in it. */
function variantsOutside(table: Map<number, string>, first: number, last: number): string {
  if (last < first) return '';
  let extra = '';
  const seen = new Set<string>();
  for (const [cp, forms] of table) {
    if (cp < first || cp > last) continue;
    for (const f of forms) {
      const c = f.codePointAt(0)!;
      if ((c < first || c > last) && !seen.has(f)) {
        seen.add(f);
        extra += f;
      }
    }
  }
  return extra;
}
