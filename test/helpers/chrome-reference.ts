/**
 * The template-site phrase of rules/model/chrome.ts as it was before issue 17 (a file name spelt `[^《》]{2,80}`
 * before its extension), kept to show that the cheaper spelling answers the same.
 */
import { CJK_CLASS } from '../../rules/model/text.js';

export const REFERENCE_TEMPLATE_PHRASE = new RegExp(`小编|由会员(分享|上传)|可(免费)?在线(阅读|预览)|请在[${CJK_CLASS}]{2,8}上搜索|\\d+页珍藏版|[^《》]{2,80}\\.(docx?|pdf|wps|pptx?|txt)》|范文(大全|精选)?$|供大家参考|仅供(大家)?参考(学习|借鉴)?[。！!]?$|希望(对|能)(您|你|大家)有所(帮助|启发)|网友投稿|公文范文|范文网|(免费|点击|立即)下载|下载(全文|文档|word|Word)|欢迎(下载|收藏|阅读|参考)|如有侵权|版权归原作者|本文(来源|来自)于?(网络|互联网|网友)`);
